using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class DatabaseSetupTests(DirectoryApiFactory api)
{
    [Fact]
    public async Task FirstStartMigratesAndSeedsTheDirectory()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Services.CountAsync() >= 200);
        Assert.True(await db.TaxonomyTerms.CountAsync() >= 20);
        Assert.True(await db.TaxonomyTerms.CountAsync(t => t.ParentId != null) > 0);
    }

    [Fact]
    public async Task TheSidValleyHasAtLeastFortyServices()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var sidValley = new GeoPoint(50.70, -3.24);

        var points = await db.ServiceAtLocations
            .Where(sal => sal.Location!.Latitude != null)
            .Select(sal => new { sal.ServiceId, sal.Location!.Latitude, sal.Location.Longitude })
            .ToListAsync();
        var inValley = points.Where(p => GreatCircle.DistanceKm(sidValley, new GeoPoint(p.Latitude!.Value, p.Longitude!.Value)) <= 8)
            .Select(p => p.ServiceId).Distinct().Count();
        Assert.True(inValley >= 40, $"{inValley} services in the Sid Valley");
    }

    [Fact]
    public async Task StartingAgainDoesNotDuplicateTheSeedData()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var before = (await db.Services.CountAsync(), await db.Locations.CountAsync(), await db.Schedules.CountAsync());

        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Equal(before, (await db.Services.CountAsync(), await db.Locations.CountAsync(), await db.Schedules.CountAsync()));
    }

    [Fact]
    public async Task TheMigrationsMatchTheModel()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet run --project tools/Signpost.Migrations -- add <Name>");
    }
}
