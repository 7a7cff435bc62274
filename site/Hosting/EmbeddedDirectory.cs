using Signpost.Data;
using Signpost.GraphQL;
using Signpost.Search;

namespace Signpost.Site.Hosting;

/// <summary>
/// The whole system in one process for local use: the API on the embedded SQLite database
/// (created and seeded on first run) and the site built from it, both on one port.
/// </summary>
public static class EmbeddedDirectory
{
    public static async Task<int> RunAsync(SiteOptions options, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Local use only; Development also serves the API's GraphiQL files from its project.
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.UseUrls($"http://localhost:{options.Port}");
        // The database lives where the command is run (site/ with "dotnet run --project site"), not in bin/.
        builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.GetFullPath("signpost.db")}";
        builder.AddDirectoryDatabase();
        builder.AddDirectorySearch();
        builder.AddDirectoryGraphQL();

        var app = builder.Build();
        await app.InitializeDirectoryDatabaseAsync();
        app.UseStaticFiles(); // GraphiQL
        app.MapDirectoryGraphQL();
        app.MapStaticSite(options.Output);
        await app.StartAsync();

        var root = new Uri($"http://localhost:{options.Port}/");
        using var http = new HttpClient();
        var log = new BuildLog(Console.Out);
        var api = new Api.DirectoryApiClient(http, new Uri(root, "graphql"));
        try
        {
            await new Publisher(new SiteBuilder(api, options, log), options, log).PublishAsync(app.Lifetime.ApplicationStopping);
        }
        catch (SiteBuildException e)
        {
            Console.Error.WriteLine($"The site was not built: {e.Message}");
        }

        Console.WriteLine($"Site: {root}   API: {root}graphql   (Ctrl+C to stop)");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
