using System.Diagnostics;
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
    /// <summary>The table where EF Core's SQLite provider keeps its migrations lock row.</summary>
    private const string EfLockTable = "__EFMigrationsLock";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.MigrateOnStartup && !settings.SeedOnStartup)
        {
            return;
        }

        // Only SQLite keeps EF's lock in a row that can outlive its process; a server database
        // (SQL Server's application lock) frees it with the session.
        var isSqlite = db.Database.IsSqlite();
        var databaseFile = isSqlite ? SqliteDatabaseFile.PathOf(db.Database.GetConnectionString()!) : null;
        var where = databaseFile ?? (isSqlite ? "the in-memory database" : ServerDatabase(db.Database.GetConnectionString()!));
        try
        {
            await InitializeAsync(settings, isSqlite, databaseFile, where, cancellationToken);
        }
        catch (System.Data.Common.DbException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException(where, e);
        }
    }

    private async Task InitializeAsync(DatabaseOptions settings, bool isSqlite, string? databaseFile, string where, CancellationToken cancellationToken)
    {
        // One process at a time migrates and seeds; the others wait here, bounded, instead of on
        // EF's lock row, which a killed start leaves behind and which is then waited on for ever.
        using var startupLock = await MigrationLock.AcquireAsync(databaseFile, settings.MigrationLockTimeout, logger, cancellationToken);

        if (settings.MigrateOnStartup)
        {
            await MigrateAsync(isSqlite && (databaseFile is null || File.Exists(databaseFile)), where, cancellationToken);
        }

        if (settings.SeedOnStartup)
        {
            await SeedIfEmptyAsync(cancellationToken);
        }
    }

    /// <summary>"database 'signpost' on server 'tcp:…'": never the credentials.</summary>
    private static string ServerDatabase(string connectionString)
    {
        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        return $"database '{sql.InitialCatalog}' on server '{sql.DataSource}'";
    }

    private async Task MigrateAsync(bool mayHoldStaleEfLock, string where, CancellationToken cancellationToken)
    {
        if (mayHoldStaleEfLock)
        {
            await RemoveStaleEfLockAsync(cancellationToken);
        }

        var known = db.Database.GetMigrations().Count();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending == 0)
        {
            logger.LogInformation("Database {Database} is up to date ({Migrations} migrations).", where, known);
            return;
        }

        logger.LogInformation("Applying {Pending} database migrations to {Database}…", pending, where);
        var elapsed = Stopwatch.StartNew();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database is up to date ({Migrations} migrations; applied {Pending} in {Elapsed:0.0} s).", known, pending, elapsed.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// While we hold the migration lock no live process of ours is migrating, so a row in EF's
    /// lock table was left by a start that was killed, and EF would wait on it for ever.
    /// </summary>
    private async Task RemoveStaleEfLockAsync(CancellationToken cancellationToken)
    {
        var hasTable = await db.Database
            .SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {EfLockTable}")
            .SingleAsync(cancellationToken);
        if (hasTable == 0)
        {
            return;
        }

        var takenAt = await db.Database.SqlQueryRaw<string>("""SELECT "Timestamp" AS "Value" FROM "__EFMigrationsLock" """).ToListAsync(cancellationToken);
        if (takenAt.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock" """, cancellationToken);
        logger.LogWarning("Removed a stale migrations lock (taken {TakenAt}) that an interrupted start left in {Table}; no other process is migrating.",
            string.Join(", ", takenAt), EfLockTable);
    }

    private async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        // SQLite transactions take the write lock up front, and on SQL Server an application lock
        // is taken first, so two instances starting together cannot both see an empty directory
        // and seed it twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServer.SqlServerStatements.LockForSeeding,
                [new Microsoft.Data.SqlClient.SqlParameter("@timeoutMs", (int)Math.Min(int.MaxValue, options.Value.MigrationLockTimeout.TotalMilliseconds))],
                cancellationToken);
        }

        // A directory with services, or with the categories already (seeded without services, or
        // every listing imported), has been set up: seeding again would duplicate them.
        if (await db.Services.AnyAsync(cancellationToken) || await db.TaxonomyTerms.AnyAsync(cancellationToken))
        {
            return;
        }

        var seedPath = Path.GetFullPath(options.Value.SeedPath, AppContext.BaseDirectory);
        logger.LogInformation("Seeding the empty directory from {SeedPath}…", seedPath);
        var loaded = await seedLoader.LoadAsync(db, seedPath, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the directory from {SeedPath}: {Organizations} organisations, {Services} services, {Locations} locations.",
            seedPath, loaded.Organizations, loaded.Services, loaded.Locations);
        if (db.Database.IsSqlServer())
        {
            await WaitForTextIndexAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQL Server fills its full-text index in the background; a freshly seeded directory is served
    /// once its words are searchable, or after Database:MigrationLockTimeout, saying so.
    /// </summary>
    private async Task WaitForTextIndexAsync(CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (await db.Database.SqlQueryRaw<int>(SqlServer.SqlServerStatements.TextIndexIsUpToDate).SingleAsync(cancellationToken) == 0)
        {
            if (waiting.Elapsed >= options.Value.MigrationLockTimeout)
            {
                logger.LogWarning("The full-text index is still being filled after {Elapsed:0} s; searches by words will find the seed data when it is done.", waiting.Elapsed.TotalSeconds);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        logger.LogInformation("The full-text index holds the seed data ({Elapsed:0.0} s).", waiting.Elapsed.TotalSeconds);
    }
}

/// <summary>Start-up could not open or prepare the database; the message says which and why.</summary>
public sealed class DatabaseUnavailableException(string where, Exception inner)
    : Exception(
        $"Could not open or prepare {where}: {inner.Message} Check Database:ConnectionString, and that the server is running and reachable from here, then start again.",
        inner);
