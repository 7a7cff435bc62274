using Microsoft.Extensions.Configuration;
using Signpost.Site.Api;
using Signpost.Site.Hosting;

namespace Signpost.Site;

/// <summary>
/// <c>signpost-site</c>: with no command, runs the API and the site together on the embedded
/// directory; <c>build</c> builds and publishes the site from an API; <c>serve</c> previews a build.
/// </summary>
public static class SiteProgram
{
    public const string Usage = """
        Usage:
          Signpost.Site                               run the API and the site on the embedded directory
          Signpost.Site build [--api URL] [options]   build the site from a GraphQL API (default: the embedded
                                                      directory) and publish it
          Signpost.Site serve [--out DIR] [--port N]  preview a built site

        Options:
          --api URL            the GraphQL endpoint, e.g. https://api.example.org/graphql
          --out DIR            the published site's folder (default: output)
          --base-url URL       the site's public address, for the sitemap and feed
          --force              publish even if the service count fell by more than --max-service-drop
          --max-service-drop F the largest fall allowed without --force (default 0.2)
          --port N             the port to serve on (default 5080)
          --forms-endpoint URL where the site's forms post (default: --api, or /graphql on the same site)
          --pagefind PATH      the Pagefind executable (default: site/node_modules/.bin/pagefind if installed)
          --helpline-name TEXT, --helpline-phone NUMBER, --helpline-hours TEXT
                               the directory's own helpline, shown in a "Need to talk to someone?" box
          --map-tile-url URL   the map picture server, with {z}/{x}/{y} (default: OpenStreetMap; empty: no map)
          --map-attribution TEXT, --map-provider-name TEXT
                               the credit shown on the map, and who serves its pictures
          --leaflet DIR        Leaflet's dist folder (default: site/node_modules/leaflet/dist if installed)
        Every option can also be set as an environment variable, e.g. Site__ApiUrl.
        """;

    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault() is { } first && !first.StartsWith('-') ? first : "run";
        var rest = command == "run" && (args.FirstOrDefault()?.StartsWith('-') ?? true) ? args : args[1..];
        if (command is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var options = Bind(rest);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, problems));
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = command != "run"; cancel.Cancel(); };
        try
        {
            return command switch
            {
                "run" => await EmbeddedDirectory.RunAsync(options),
                "build" => await BuildAsync(options, cancel.Token),
                "serve" => await ServeAsync(options),
                _ => Fail($"Unknown command '{command}'.{Environment.NewLine}{Usage}"),
            };
        }
        catch (SiteBuildException e)
        {
            return Fail($"The site was not published: {e.Message}");
        }
    }

    public static SiteOptions Bind(string[] args)
    {
        var normalised = args.Select(a => a == "--force" ? "--force=true" : a).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(normalised, new Dictionary<string, string>
            {
                ["--api"] = "Site:ApiUrl", ["--out"] = "Site:Output", ["--base-url"] = "Site:BaseUrl",
                ["--force"] = "Site:Force", ["--max-service-drop"] = "Site:MaxServiceDrop", ["--port"] = "Site:Port",
                ["--name"] = "Site:Name", ["--forms-endpoint"] = "Site:FormsEndpoint", ["--pagefind"] = "Site:Pagefind", ["--contact-email"] = "Site:ContactEmail",
                ["--today"] = "Site:Today",
                ["--helpline-name"] = "Site:HelplineName", ["--helpline-phone"] = "Site:HelplinePhone", ["--helpline-hours"] = "Site:HelplineHours",
                ["--map-tile-url"] = "Site:MapTileUrl", ["--map-attribution"] = "Site:MapAttribution", ["--map-provider-name"] = "Site:MapProviderName", ["--leaflet"] = "Site:Leaflet",
            })
            .Build();
        return configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>() ?? new SiteOptions();
    }

    private static async Task<int> BuildAsync(SiteOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ApiUrl))
        {
            return await EmbeddedDirectory.BuildAsync(options, cancellationToken);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var log = new BuildLog(Console.Out);
        var api = new DirectoryApiClient(http, new Uri(options.ApiUrl));
        await new Publisher(new SiteBuilder(api, options, log), options, log).PublishAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> ServeAsync(SiteOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://localhost:{options.Port}");
        var app = builder.Build();
        app.MapStaticSite(options.Output);
        Console.WriteLine($"Serving {Path.GetFullPath(options.Output)} at http://localhost:{options.Port}/ (Ctrl+C to stop)");
        await app.RunAsync();
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
