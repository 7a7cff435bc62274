using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.Geo.Postcodes;
using Signpost.Search.Sqlite;
using Signpost.Search.SqlServer;

namespace Signpost.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Search on the configured engine's own indexes, and the reference data it needs: postcodes,
    /// bank holidays, the category tree.
    /// </summary>
    public static IHostApplicationBuilder AddDirectorySearch(this IHostApplicationBuilder builder)
    {
        if (DatabaseOptions.ProviderIn(builder.Configuration) == DatabaseProviders.SqlServer)
        {
            builder.Services.AddScoped<IServiceSearch, SqlServerServiceSearch>();
        }
        else
        {
            builder.Services.AddScoped<IServiceSearch, SqliteServiceSearch>();
        }

        builder.Services.AddScoped<CategoryCatalog>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPostcodeLookup>(services =>
            OutcodeCentroidLookup(SeedFolder(services)));
        builder.Services.AddSingleton(services => BankHolidays.Load(Path.Combine(SeedFolder(services), "bank-holidays.csv")));
        return builder;
    }

    /// <summary>The regional districts, then every other UK district from the national table (when present).</summary>
    public static OutcodeCentroidLookup OutcodeCentroidLookup(string seedFolder)
    {
        var national = Path.Combine(seedFolder, "geo", "uk-outcodes.csv");
        return new OutcodeCentroidLookup(
            Directory.GetFiles(Path.Combine(seedFolder, "postcodes"), "*.csv"),
            File.Exists(national) ? [national] : []);
    }

    private static string SeedFolder(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedPath, AppContext.BaseDirectory);
}
