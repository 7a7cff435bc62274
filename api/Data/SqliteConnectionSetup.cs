using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Signpost.Data;

/// <summary>
/// Prepares every SQLite connection the app opens: the pragmas that make it fast and safe for
/// concurrent readers, and the SQL functions the search calls. EF opens and closes its connection
/// for each query while Microsoft.Data.Sqlite pools the native handles underneath, so the work is
/// done once per connection object and native handle, not on every open (it was a measurable
/// part of each request).
/// </summary>
internal sealed class SqliteConnectionSetup(int memoryMapMiB = DatabaseOptions.DefaultMemoryMapMiB) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> PreparedHandles = new();
    private static readonly ConditionalWeakTable<SqliteConnection, object> ConnectionsWithFunctions = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection, memoryMapMiB);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection, memoryMapMiB);
        return Task.CompletedTask;
    }

    public static void Prepare(DbConnection connection, int memoryMapMiB = DatabaseOptions.DefaultMemoryMapMiB)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        // Functions belong to the SqliteConnection object, which re-applies them at every open.
        if (!ConnectionsWithFunctions.TryGetValue(sqlite, out _))
        {
            GeoSqlFunctions.Register(sqlite);
            ConnectionsWithFunctions.AddOrUpdate(sqlite, sqlite);
        }

        // Pragmas belong to the native handle, which the pool keeps between opens.
        if (sqlite.Handle is { } handle && !PreparedHandles.TryGetValue(handle, out _))
        {
            using var pragma = sqlite.CreateCommand();
            // WAL lets readers run while a write commits; NORMAL is durable across app crashes in WAL
            // mode. Reading through a memory map instead of read() calls into SQLite's small page
            // cache took a near-me page at 1,000,000 services from 3.0 to 1.8 ms (p50, bench/README.md).
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; "
                + $"PRAGMA mmap_size = {(long)memoryMapMiB * 1024 * 1024};";
            pragma.ExecuteNonQuery();
            PreparedHandles.AddOrUpdate(handle, handle);
        }
    }
}
