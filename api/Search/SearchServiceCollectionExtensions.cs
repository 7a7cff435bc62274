using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.Geo.Postcodes;
using Signpost.Search.Sqlite;

namespace Signpost.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Search and the reference data it needs: postcodes, bank holidays, the category tree.</summary>
    public static IHostApplicationBuilder AddDirectorySearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IServiceSearch, SqliteServiceSearch>();
        builder.Services.AddScoped<CategoryCatalog>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPostcodeLookup>(services =>
            new OutcodeCentroidLookup(Directory.GetFiles(Path.Combine(SeedFolder(services), "postcodes"), "*.csv")));
        builder.Services.AddSingleton(services => BankHolidays.Load(Path.Combine(SeedFolder(services), "bank-holidays.csv")));
        return builder;
    }

    private static string SeedFolder(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedPath, AppContext.BaseDirectory);
}
