using Microsoft.Data.Sqlite;

namespace Signpost.Data;

/// <summary>Where a SQLite connection string keeps its database on disk, if anywhere.</summary>
internal static class SqliteDatabaseFile
{
    /// <summary>
    /// The database file's full path, or null for an in-memory database (<c>:memory:</c>,
    /// <c>Mode=Memory</c>) or SQLite's private temporary one (an empty Data Source): those live
    /// and die with one process, so nothing else can share, lock or back them up.
    /// </summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (source.Length == 0 || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }

        return Path.GetFullPath(source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(source).LocalPath : source);
    }
}
