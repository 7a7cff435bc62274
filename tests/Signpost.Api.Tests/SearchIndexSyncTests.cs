using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Services;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>The R*Tree and FTS5 indexes follow every write to the tables, through their triggers.</summary>
public sealed class SearchIndexSyncTests(SearchIndexSyncTests.WritableDirectory api) : IClassFixture<SearchIndexSyncTests.WritableDirectory>
{
    public sealed class WritableDirectory : DirectoryApiFactory;

    private readonly GraphQLClient _client = new(api.CreateClient());
    private static readonly object Lerwick = new { latitude = 60.1550, longitude = -1.1450 };

    [Fact]
    public async Task AMovedLocationIsFoundAtItsNewPlaceOnly()
    {
        var serviceId = await FirstServiceNearSidmouthAsync();
        string name;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            name = await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync();
            var locationIds = await db.ServiceAtLocations.Where(s => s.ServiceId == serviceId).Select(s => s.LocationId).ToListAsync();
            await db.Locations.Where(l => locationIds.Contains(l.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Latitude, 60.1550).SetProperty(l => l.Longitude, -1.1450));
            await db.ServiceAreas.Where(a => a.ServiceId == serviceId).ExecuteDeleteAsync();
        }

        Assert.Contains(serviceId.ToString(), await IdsAsync(new { near = Lerwick, radiusKm = 1.0, first = 100 }));
        Assert.DoesNotContain(serviceId.ToString(), await IdsAsync(new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, first = 100 }));
        // Words near a point are matched with the place cells in the text index, which follow the move too.
        Assert.Contains(serviceId.ToString(), await IdsAsync(new { near = Lerwick, radiusKm = 1.0, text = name, first = 100 }));
        Assert.DoesNotContain(serviceId.ToString(), await IdsAsync(new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, text = name, first = 100 }));
    }

    [Fact]
    public async Task ARenamedServiceIsFoundByItsNewName()
    {
        var serviceId = await FirstServiceNearSidmouthAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await db.Services.Where(s => s.Id == serviceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "Quokka appreciation society"));
        }

        Assert.Equal([serviceId.ToString()], await IdsAsync(new { text = "quokka", first = 100 }));
    }

    [Fact]
    public async Task ADeletedServiceLeavesTheIndexes()
    {
        var serviceId = await FirstServiceNearSidmouthAsync();
        string name;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            name = (await db.Services.SingleAsync(s => s.Id == serviceId)).Name;
            await db.Services.Where(s => s.Id == serviceId).ExecuteDeleteAsync();
        }

        Assert.DoesNotContain(serviceId.ToString(), await IdsAsync(new { text = name, first = 100 }));
        Assert.DoesNotContain(serviceId.ToString(), await IdsAsync(new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, first = 100 }));
    }

    [Fact]
    public async Task UnexpectedFailuresAreInternalErrorsWithoutDetails()
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE cost_options");
        }

        var response = await _client.RunAsync("NearMe", new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, first = 5 });

        Assert.Equal("INTERNAL_SERVER_ERROR", response.ErrorCode);
        var body = response.Pretty();
        Assert.DoesNotContain("cost_options", body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body);
    }

    private async Task<Guid> FirstServiceNearSidmouthAsync()
    {
        // Each test takes a different service: the fixture is shared and tests change data.
        var ids = await IdsAsync(new { near = NearMeSearchTests.Sidmouth, radiusKm = 2.0, first = 100 });
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        foreach (var id in ids.Select(Guid.Parse))
        {
            var claimed = await db.Services.Where(s => s.Id == id && s.Alert == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.Alert, "claimed by a test"));
            if (claimed == 1 && !await db.ServiceAreas.AnyAsync(a => a.ServiceId == id))
            {
                return id;
            }
        }

        throw new InvalidOperationException("No unclaimed service near Sidmouth.");
    }

    private async Task<List<string>> IdsAsync(object variables)
    {
        var response = await _client.RunAsync("ServiceIds", variables);
        return response.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
    }
}
