using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Geo;
using Signpost.GraphQL.Loading;
using Signpost.Search;

namespace Signpost.Bench.Running;

/// <summary>
/// The same near-me search as the GraphQL query 1, as a plain minimal-API JSON endpoint: the
/// same search code and the same batch loaders, without the GraphQL layer. Used only to measure
/// that layer's cost.
/// </summary>
internal static class PlainSearchServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddDirectoryDatabase();
        builder.AddDirectorySearch();
        builder.Services.AddScoped<DirectoryLoaders>();
        var app = builder.Build();
        await app.InitializeDirectoryDatabaseAsync();

        app.MapGet("/near", async (double latitude, double longitude, double radiusKm, int first, IServiceSearch search, DirectoryDbContext db, DirectoryLoaders loaders, CancellationToken ct) =>
        {
            var request = new ServiceSearchRequest { Near = new GeoPoint(latitude, longitude), RadiusKm = radiusKm, First = first };
            var page = await search.SearchAsync(request, ct);
            var rowIds = page.Hits.Select(h => h.RowId).ToList();
            var services = await db.Services.Where(s => rowIds.Contains(s.RowId)).ToDictionaryAsync(s => s.RowId, ct);
            var organizations = page.Hits.Select(h => loaders.Organization(services[h.RowId].OrganizationId)).ToList();
            var categories = page.Hits.Select(h => loaders.CategoriesOf(services[h.RowId])).ToList();
            var edges = new List<object>(page.Hits.Count);
            for (var i = 0; i < page.Hits.Count; i++)
            {
                var service = services[page.Hits[i].RowId];
                edges.Add(new
                {
                    distanceKm = page.Hits[i].DistanceKm,
                    node = new
                    {
                        id = service.Id,
                        name = service.Name,
                        organization = new { name = (await organizations[i].GetResultAsync(ct))!.Name },
                        categories = (await categories[i].GetResultAsync(ct)).Select(c => new { name = c.Name }),
                    },
                });
            }

            return Results.Ok(new { edges, pageInfo = new { hasNextPage = page.HasNextPage } });
        });

        await app.RunAsync();
        return 0;
    }
}
