using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Seed;

namespace Signpost.Bench.Generation;

/// <summary>
/// Writes a synthetic directory into a new SQLite file through the app's own write path: EF Core
/// entities saved by <see cref="DirectoryDbContext"/>, so the migrations' triggers build the
/// R*Tree and FTS5 indexes exactly as they do for any other write.
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(string databasePath, int services, int seed)
    {
        if (File.Exists(databasePath))
        {
            Console.Error.WriteLine($"{databasePath} exists; delete it or choose another path.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var options = DatabaseServiceCollectionExtensions
            .ConfigureSqlite(new DbContextOptionsBuilder<DirectoryDbContext>(), $"Data Source={databasePath};Pooling=False")
            .AddInterceptors(new SqliteConnectionSetup())
            .Options;

        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, Guid> terms;
        await using (var db = new DirectoryDbContext((DbContextOptions<DirectoryDbContext>)options))
        {
            await db.Database.MigrateAsync();
            terms = new SeedLoader().AddTaxonomy(db, Path.Combine(AppContext.BaseDirectory, "data-seed"));
            await db.SaveChangesAsync();
        }

        var generator = new DirectoryGenerator(seed, terms, new DateOnly(2026, 11, 24));
        var written = 0;
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            // Bulk load: a crash part-way leaves a file to delete, not data to keep.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
                await pragma.ExecuteNonQueryAsync();
            }

            foreach (var batch in generator.Generate(services, batchSize: 5_000))
            {
                await using var db = new DirectoryDbContext(new DbContextOptionsBuilder<DirectoryDbContext>().UseSqlite(connection).Options);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync();
                // Categories first, so each service is indexed for text once, with its categories.
                db.Attributes.AddRange(batch.Attributes);
                await db.SaveChangesAsync();
                db.Organizations.AddRange(batch.Organizations);
                db.Services.AddRange(batch.Services);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                written += batch.Services.Count;
                Console.Write($"\r{written:N0} / {services:N0} services, {written / clock.Elapsed.TotalSeconds:N0} a second   ");
            }

            await using var optimize = connection.CreateCommand();
            // As after any bulk load: the R*Trees rebuilt from their rows (grown one insert at a time,
            // their nodes overlap; see SqliteSearchIndex.RebuildGeoV3) and FTS5 merged into one segment.
            optimize.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); " + Signpost.Search.Sqlite.SqliteSearchIndex.RebuildGeoV3
                + " INSERT INTO service_fts(service_fts) VALUES ('optimize'); PRAGMA optimize; ANALYZE;";
            await optimize.ExecuteNonQueryAsync();
        }

        clock.Stop();
        var size = new FileInfo(databasePath).Length;
        Console.WriteLine();
        await File.WriteAllTextAsync(databasePath + ".generate.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            services = written,
            seed,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            servicesPerSecond = Math.Round(written / clock.Elapsed.TotalSeconds),
            fileMiB = Math.Round(size / 1048576.0),
        }));
        Console.WriteLine($"Wrote {written:N0} services to {databasePath} in {clock.Elapsed.TotalSeconds:N1} s " +
                          $"({written / clock.Elapsed.TotalSeconds:N0} services a second); file size {size / 1048576.0:N0} MiB.");
        return 0;
    }
}
