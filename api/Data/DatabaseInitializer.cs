using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.Seed;

namespace Signpost.Data;

/// <summary>First-run set-up: migrate the schema, then seed an empty directory. Safe to run on every start.</summary>
internal sealed class DatabaseInitializer(
    DirectoryDbContext db,
    IOptions<DatabaseOptions> options,
    SeedLoader seedLoader,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!settings.SeedOnStartup)
        {
            return;
        }

        // SQLite transactions take the write lock up front, so two instances starting together
        // cannot both see an empty directory and seed it twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Services.AnyAsync(cancellationToken))
        {
            return;
        }

        var seedPath = Path.GetFullPath(settings.SeedPath, AppContext.BaseDirectory);
        var loaded = await seedLoader.LoadAsync(db, seedPath, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the directory from {SeedPath}: {Organizations} organisations, {Services} services, {Locations} locations.",
            seedPath, loaded.Organizations, loaded.Services, loaded.Locations);
    }
}
