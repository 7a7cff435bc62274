using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Operations;

/// <summary>
/// <c>dotnet run --project api -- backup FILE [--force]</c>: a consistent copy of the SQLite
/// database, taken with SQLite's online backup API while the API keeps serving and writing.
/// It copies the database as it is: no migrations, no seeding, no locks beyond one read.
/// </summary>
public static class BackupCommand
{
    public const string Usage = """
        Usage:
          backup FILE [--force]   copy the database to FILE while the API runs; --force replaces an existing FILE
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var force = args.Contains("--force");
        if (args.Where(a => a != "--force").ToArray() is not [var file] || file.StartsWith('-'))
        {
            error.WriteLine(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        if (!db.Database.IsSqlite())
        {
            error.WriteLine($"backup: the database is {db.Database.ProviderName}, not SQLite; back it up with that server's own tools.");
            return 2;
        }

        var source = SqliteDatabaseFile.PathOf(db.Database.GetConnectionString()!);
        var target = Path.GetFullPath(file);
        var problem = source switch
        {
            null => "the database is in memory; there is no file to back up",
            _ when !File.Exists(source) => $"there is no database at {source} (start the API once to create it)",
            _ when Directory.Exists(target) => $"{target} is a folder; give a file name",
            _ when !Directory.Exists(Path.GetDirectoryName(target)) => $"the folder {Path.GetDirectoryName(target)} does not exist",
            _ when File.Exists(target) && !force => $"{target} already exists; give --force to replace it",
            _ when string.Equals(source, target, StringComparison.Ordinal) => "the backup cannot replace the database itself",
            _ => null,
        };
        if (problem is not null)
        {
            error.WriteLine($"backup: {problem}.");
            return 2;
        }

        // Written beside the target and renamed when complete, so FILE is never a partial copy.
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var elapsed = Stopwatch.StartNew();
        try
        {
            var (bytes, check) = Copy(source!, temporary);
            if (check != "ok")
            {
                error.WriteLine($"backup: the copy failed SQLite's integrity check ({check}); {target} was not written.");
                return 1;
            }

            File.Move(temporary, target, overwrite: force);
            output.WriteLine($"Backed up {source} to {target}: {bytes / 1024.0 / 1024.0:0.0} MB in {elapsed.Elapsed.TotalSeconds:0.0} s; integrity check ok.");
            return 0;
        }
        catch (SqliteException e)
        {
            error.WriteLine($"backup: {e.Message}; {target} was not written.");
            return 1;
        }
        finally
        {
            foreach (var leftover in new[] { temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    private static (long Bytes, string Check) Copy(string source, string destination)
    {
        // Read-write without create: a WAL reader updates the shared-memory index, and a missing
        // database must not be created empty. Only a read transaction is taken: writers carry on.
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);

        // One self-contained file (no -wal beside it to lose); the API turns WAL back on when it opens it.
        Scalar(to, "PRAGMA journal_mode = DELETE");
        var check = Convert.ToString(Scalar(to, "PRAGMA quick_check"), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var bytes = Convert.ToInt64(Scalar(to, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"), System.Globalization.CultureInfo.InvariantCulture);
        return (bytes, check);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
