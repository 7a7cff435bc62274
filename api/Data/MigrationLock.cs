using System.Diagnostics;

namespace Signpost.Data;

/// <summary>
/// An operating-system lock on <c>&lt;database&gt;.migrate.lock</c>, held while one process migrates
/// and seeds the database. The OS releases it when its holder exits however it exits, so unlike
/// EF Core's <c>__EFMigrationsLock</c> row it can never be left behind by a killed start.
/// </summary>
internal sealed class MigrationLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly FileStream? _file;

    private MigrationLock(FileStream? file) => _file = file;

    public static string PathFor(string databaseFile) => databaseFile + ".migrate.lock";

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock beside <paramref name="databaseFile"/>.
    /// Null needs no lock: an in-memory SQLite database belongs to this process alone, and a server
    /// database (SQL Server) is locked in the database itself, by EF and the seeding step.
    /// </summary>
    public static async Task<MigrationLock> AcquireAsync(string? databaseFile, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        if (databaseFile is null)
        {
            return new MigrationLock(null);
        }

        var path = PathFor(databaseFile);
        var waiting = Stopwatch.StartNew();
        var toldWaiting = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                RecordHolder(file);
                return new MigrationLock(file);
            }
            // A held lock is a plain IOException (a sharing violation; its code differs by OS). A
            // missing folder or a bad path will not fix itself, so those fail at once.
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                if (waiting.Elapsed >= timeout)
                {
                    throw new MigrationLockTimeoutException(path, databaseFile, timeout, e);
                }

                if (!toldWaiting)
                {
                    logger.LogInformation("Waiting up to {Timeout} for {LockFile}: another process is migrating or seeding this database…", timeout, path);
                    toldWaiting = true;
                }

                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }

    public void Dispose() => _file?.Dispose();

    // The OS lock is advisory, so `cat` can still read who holds it while it is held.
    private static void RecordHolder(FileStream file)
    {
        using var process = Process.GetCurrentProcess();
        var text = $"Held by process {process.Id} ({process.ProcessName}) on {Environment.MachineName}, since {DateTimeOffset.UtcNow:O}.\n";
        file.SetLength(0);
        file.Write(System.Text.Encoding.UTF8.GetBytes(text));
        file.Flush();
    }
}

/// <summary>Start-up gave up waiting for another process to finish migrating the database.</summary>
public sealed class MigrationLockTimeoutException(string lockFile, string databaseFile, TimeSpan timeout, Exception inner)
    : Exception(
        $"Gave up after {timeout} waiting for {lockFile}: another process holds it while it migrates or seeds {databaseFile} " +
        $"(another Signpost instance starting, or a 'keys' command). The file says which process; `lsof {lockFile}` shows it too. " +
        "Let it finish or stop that process: the operating system frees the lock the moment its holder exits, so there is nothing to delete. " +
        $"If migrating legitimately takes longer, raise Database:MigrationLockTimeout (now {timeout}).",
        inner)
{
    public string LockFile { get; } = lockFile;
}
