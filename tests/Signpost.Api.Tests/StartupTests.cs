using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signpost.Data;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Start-up on a database another start left behind: it logs what it does and never hangs.</summary>
public sealed class StartupTests
{
    /// <summary>Only so a regression fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [SqliteFact]
    public async Task AStartKilledMidMigrationDoesNotHangTheNextStart()
    {
        using var running = Unseeded();
        await StartAsync(running).WaitAsync(Generous);
        // What a start killed inside MigrateAsync leaves behind, even on an up-to-date database.
        await using (var connection = new SqliteConnection($"Data Source={running.DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-24 10:00:00+00:00');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        using var next = Unseeded();
        next["Database:ConnectionString"] = $"Data Source={running.DatabasePath}";
        await StartAsync(next).WaitAsync(Generous);

        Assert.Equal(0L, Scalar(running.DatabasePath, """SELECT count(*) FROM "__EFMigrationsLock" """));
        Assert.Contains(next.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Removed a stale migrations lock"));
        Assert.Contains(next.Logs.Entries, e => e.Message.StartsWith($"Database {running.DatabasePath} is up to date (", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task AStartThatCannotGetTheMigrationLockGivesUpInTimeAndSaysWhatToDo()
    {
        using var api = Unseeded();
        api["Database:MigrationLockTimeout"] = "00:00:01";
        var lockFile = MigrationLock.PathFor(api.DatabasePath);
        using var holder = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var elapsed = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(api).WaitAsync(Generous));
        elapsed.Stop();

        var timeout = Assert.IsType<MigrationLockTimeoutException>(Innermost<MigrationLockTimeoutException>(failure) ?? throw new Xunit.Sdk.XunitException(failure.ToString()));
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains(lockFile, timeout.Message);
        Assert.Contains("lsof", timeout.Message);
        Assert.Contains("Database:MigrationLockTimeout", timeout.Message);
        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith("Waiting up to 00:00:01", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task AFreshStartSaysWhatItDoesAndNoMigrationWarnsOfAnUnsafeStep()
    {
        using var api = Unseeded();
        await StartAsync(api).WaitAsync(Generous);

        var migrationWarnings = api.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.Empty(migrationWarnings);
        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith("Applying ", StringComparison.Ordinal) && e.Message.EndsWith($" database migrations to {api.DatabasePath}…", StringComparison.Ordinal));
        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith("Database is up to date (", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task AnInMemoryDatabaseStartsWithoutALockFile()
    {
        using var api = Unseeded();
        api["Database:ConnectionString"] = "Data Source=signpost-startup-test;Mode=Memory;Cache=Shared";
        await StartAsync(api).WaitAsync(Generous);

        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith("Database the in-memory database is up to date", StringComparison.Ordinal)
            || e.Message.EndsWith(" database migrations to the in-memory database…", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(api.DatabasePath)!, "*.lock"));
    }

    [Fact]
    public async Task AMemoryMapOutOfRangeStopsTheStartNamingTheSetting()
    {
        using var api = Unseeded();
        api["Database:MemoryMapMiB"] = "-1";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(api).WaitAsync(Generous));

        var invalid = Innermost<Microsoft.Extensions.Options.OptionsValidationException>(failure) ?? throw new Xunit.Sdk.XunitException(failure.ToString());
        Assert.Contains("Database:MemoryMapMiB must be between 0 and 65536.", invalid.Message);
    }

    [Theory]
    [InlineData("Database:Provider", "Postgres", "Database:Provider must be 'Sqlite' or 'SqlServer'.")]
    [InlineData("Database:ConnectionString", "Server=db.example.org;User ID=signpost", "Database:ConnectionString must name the database (Database=… or Initial Catalog=…) when Database:Provider is SqlServer.")]
    [InlineData("Database:ConnectionString", "Database=signpost;User ID=signpost", "Database:ConnectionString must name the server (Server=…) when Database:Provider is SqlServer.")]
    [InlineData("Database:ConnectionString", "Server=db.example.org;Databse=signpost", "Database:ConnectionString is not a valid SqlServer connection string: Keyword not supported: 'databse'.")]
    public async Task AWrongEngineSettingStopsTheStartNamingTheSettingAndTheProblem(string setting, string value, string message)
    {
        using var api = Unseeded();
        api["Database:Provider"] = "SqlServer";
        api["Database:ConnectionString"] = "Server=db.example.org;Database=signpost";
        api[setting] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(api).WaitAsync(Generous));

        var invalid = Innermost<Microsoft.Extensions.Options.OptionsValidationException>(failure) ?? throw new Xunit.Sdk.XunitException(failure.ToString());
        Assert.Contains(message, invalid.Message);
    }

    [Fact]
    public async Task AnUnreachableSqlServerStopsTheStartNamingTheDatabaseButNeverThePassword()
    {
        using var api = Unseeded();
        api["Database:Provider"] = "SqlServer";
        // Port 1 on this machine: refused at once.
        api["Database:ConnectionString"] = "Server=tcp:127.0.0.1,1;Database=signpost;User ID=signpost;Password=not-for-logs;Connect Timeout=2;Encrypt=False";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(api).WaitAsync(Generous));

        var unavailable = Innermost<DatabaseUnavailableException>(failure) ?? throw new Xunit.Sdk.XunitException(failure.ToString());
        Assert.StartsWith("Could not open or prepare database 'signpost' on server 'tcp:127.0.0.1,1': ", unavailable.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check Database:ConnectionString, and that the server is running and reachable from here, then start again.", unavailable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-for-logs", failure.ToString(), StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task TheDatabaseIsReadThroughAMemoryMapOfTheConfiguredSize()
    {
        using var api = Unseeded();
        api["Database:MemoryMapMiB"] = "64";
        await StartAsync(api).WaitAsync(Generous);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        Assert.Equal(64L * 1024 * 1024, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ConfiguredDirectoryFactory Unseeded() => new() { ["Database:SeedOnStartup"] = "false" };

    /// <summary>Starting the host runs Program.cs up to app.Run: migration and seeding included.</summary>
    private static Task StartAsync(DirectoryApiFactory api) => Task.Run(() => api.Services);

    private static object? Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static Exception? Innermost<T>(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return e;
            }
        }

        return null;
    }
}
