using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Signpost.Moderation.Console;
using Signpost.Reminders;
using Signpost.Site.Api;

namespace Signpost.Site.Hosting;

/// <summary>
/// The whole system in one process for local use: the API on the embedded SQLite database
/// (created and seeded on first run) and the site built from it.
/// </summary>
public static class EmbeddedDirectory
{
    /// <summary>Runs the API and the site together on one port until stopped.</summary>
    public static async Task<int> RunAsync(SiteOptions options)
    {
        await using var app = await StartAsync(options, $"http://localhost:{options.Port}", serveSite: true);
        var root = new Uri($"http://localhost:{options.Port}/");
        try
        {
            await PublishAsync(options, root, app.Lifetime.ApplicationStopping);
        }
        catch (SiteBuildException e)
        {
            Console.Error.WriteLine($"The site was not built: {e.Message}");
        }

        Console.WriteLine($"Site: {root}   API: {root}graphql   (Ctrl+C to stop)");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Builds and publishes the site from the embedded directory, then stops.</summary>
    public static async Task<int> BuildAsync(SiteOptions options, CancellationToken cancellationToken)
    {
        await using var app = await StartAsync(options, "http://127.0.0.1:0", serveSite: false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await PublishAsync(options, new Uri(address + "/"), cancellationToken);
        await app.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task PublishAsync(SiteOptions options, Uri root, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var log = new BuildLog(Console.Out);
        var api = new DirectoryApiClient(http, new Uri(root, "graphql"));
        await new Publisher(new SiteBuilder(api, options, log), options, log).PublishAsync(cancellationToken);
    }

    private static async Task<WebApplication> StartAsync(SiteOptions options, string url, bool serveSite)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // Local use only; Development also serves the API's GraphiQL files from its project.
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.UseUrls(url);
        // The database lives where the command is run (site/ with "dotnet run --project site"), not in bin/.
        builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.GetFullPath("signpost.db")}";
        builder.AddDirectoryApi();
        builder.AddReviewReminders();
        builder.AddModerationConsole();

        var app = builder.Build();
        await app.UseDirectoryApiAsync();
        if (serveSite)
        {
            app.MapStaticSite(options.Output);
        }

        // After the site's routing, so sign-in is checked for the endpoint routing chose.
        app.MapReviewReminders();
        app.MapModerationConsole();

        await app.StartAsync();
        return app;
    }
}
