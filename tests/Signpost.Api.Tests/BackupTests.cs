using Microsoft.Data.Sqlite;
using Signpost.Operations;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

public sealed class BackupTests : IDisposable
{
    private readonly ConfiguredDirectoryFactory _api = new() { ["Database:SeedOnStartup"] = "false" };
    private readonly string _folder = Directory.CreateTempSubdirectory("signpost-backups-").FullName;

    [SqliteFact]
    public async Task ABackupTakenDuringABurstOfWritesIsSoundAndHoldsEveryWriteAcknowledgedBeforeIt()
    {
        _ = _api.Services;
        Execute(_api.DatabasePath, "CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, written_at TEXT NOT NULL)");
        using var stop = new CancellationTokenSource();
        var acknowledged = 0L;
        var writer = Task.Run(() =>
        {
            using var connection = Open(_api.DatabasePath);
            for (var id = 1L; !stop.IsCancellationRequested; id++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO backup_probe (id, written_at) VALUES ($id, datetime('now'))";
                insert.Parameters.AddWithValue("$id", id);
                insert.ExecuteNonQuery();
                Volatile.Write(ref acknowledged, id); // committed: each INSERT is its own transaction
            }
        });
        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 500);

        var target = Path.Combine(_folder, "signpost-backup.db");
        var before = Volatile.Read(ref acknowledged);
        var output = new StringWriter();
        var exit = await BackupCommand.RunAsync(_api.Services, [target], output, output);
        var after = Volatile.Read(ref acknowledged);
        // The API's database still takes writes once the backup is done.
        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= after + 100);
        await stop.CancelAsync();
        await writer;

        Assert.True(exit == 0, output.ToString());
        Assert.StartsWith($"Backed up {_api.DatabasePath} to {target}:", output.ToString());
        using var backup = Open(target);
        Assert.Equal("ok", Scalar(backup, "PRAGMA integrity_check"));
        Assert.Equal(before, Scalar(backup, $"SELECT count(*) FROM backup_probe WHERE id <= {before}"));
        Assert.InRange((long)Scalar(backup, "SELECT max(id) FROM backup_probe")!, before, after);
        Assert.Equal(Scalar(_api.DatabasePath, "SELECT count(*) FROM __EFMigrationsHistory"), Scalar(backup, "SELECT count(*) FROM __EFMigrationsHistory"));
        Assert.Empty(Directory.GetFiles(_folder, ".*"));
    }

    [SqliteFact]
    public async Task ABackupNeverReplacesAFileUnlessForced()
    {
        _ = _api.Services;
        var target = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(target, "keep me");

        var error = new StringWriter();
        Assert.Equal(2, await BackupCommand.RunAsync(_api.Services, [target], TextWriter.Null, error));
        Assert.Equal($"backup: {target} already exists; give --force to replace it.", error.ToString().Trim());
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));

        Assert.Equal(0, await BackupCommand.RunAsync(_api.Services, [target, "--force"], TextWriter.Null, TextWriter.Null));
        Assert.Equal("ok", Scalar(target, "PRAGMA integrity_check"));
    }

    [SqliteFact]
    public async Task ABackupOfAnInMemoryDatabaseIsRefused()
    {
        using var memory = new ConfiguredDirectoryFactory
        {
            ["Database:SeedOnStartup"] = "false",
            ["Database:ConnectionString"] = "Data Source=signpost-backup-test;Mode=Memory;Cache=Shared",
        };
        var error = new StringWriter();

        Assert.Equal(2, await BackupCommand.RunAsync(memory.Services, [Path.Combine(_folder, "memory.db")], TextWriter.Null, error));
        Assert.Equal("backup: the database is in memory; there is no file to back up.", error.ToString().Trim());
    }

    public void Dispose()
    {
        _api.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        return connection;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        Scalar(connection, sql);
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        return Scalar(connection, sql);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
