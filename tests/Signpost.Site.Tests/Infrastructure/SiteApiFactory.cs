using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// The real API on a real SQLite file, seeded from a copy of data-seed/ plus one organisation
/// whose every field is hostile (HostileSeed/hostile.json), as public submissions could be, and
/// three services at one hall (SamePlaceSeed/same-place.json), for the order of ties and what a
/// result shows: own and organisation phones, free and paid, ages, a listing checked long ago;
/// and a phone line covering Kirkwall with no place of its own (AreaOnlySeed/area-only.json), far
/// from any other service.
/// </summary>
public sealed class SiteApiFactory : WebApplicationFactory<Program>
{
    public const string HostileServiceId = "0badc0de-0000-5000-8000-000000000003";

    private readonly string _folder = Directory.CreateTempSubdirectory("signpost-site-api-").FullName;

    public string SeedFolder => Path.Combine(_folder, "data-seed");

    /// <summary>The API's own address when it listens on loopback (<see cref="OnLoopback"/>).</summary>
    public Uri? Address { get; private set; }

    /// <summary>
    /// The same API on a loopback port, which any other site's pages may call from the browser
    /// (the API answers every origin for reading), as a site embedding the directory does.
    /// </summary>
    public static SiteApiFactory OnLoopback()
    {
        var api = new SiteApiFactory();
        api.UseKestrel(0);
        api.StartServer();
        api.Address = new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "data-seed"), SeedFolder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "HostileSeed", "hostile.json"), Path.Combine(SeedFolder, "services", "zz-hostile.json"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SamePlaceSeed", "same-place.json"), Path.Combine(SeedFolder, "services", "zz-same-place.json"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "AreaOnlySeed", "area-only.json"), Path.Combine(SeedFolder, "services", "zz-area-only.json"));

        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "signpost.db")}");
        builder.UseSetting("Database:SeedPath", SeedFolder);
        // Every browser test sends from the same in-process client: the hourly limit is tested in the API's tests.
        builder.UseSetting("Submissions:PerClientLimit", "1000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(_folder);
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
