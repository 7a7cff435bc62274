using Microsoft.Data.SqlClient;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// Which engine the integration suite runs on. SQLite (a file per API) unless
/// <c>SIGNPOST_TEST_SQLSERVER</c> holds a SQL Server connection string; then every API the tests
/// start gets a fresh database on that server, dropped when the API is disposed.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "SIGNPOST_TEST_SQLSERVER";

    /// <summary>The server to run on, or null for SQLite.</summary>
    public static string? SqlServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsSqlServer => SqlServer is not null;

    public static string Engine => IsSqlServer ? "SqlServer" : "Sqlite";

    public const string WhySqlServerWasSkipped =
        Variable + " is not set, so the integration suite ran on SQLite only. To run it on SQL Server 2019+ or Azure SQL, "
        + "set it to a connection string for a login that may create databases, e.g. "
        + "\"Server=localhost,1433;User ID=sa;Password=…;TrustServerCertificate=True\" (azure-pipelines.yml does, against a container).";

    /// <summary>A connection string for a new, uniquely named database on the test server.</summary>
    public static string NewSqlServerDatabase() =>
        new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = $"signpost_test_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>Drops a database this suite made, closing whatever still uses it.</summary>
    public static void DropSqlServerDatabase(string connectionString)
    {
        var database = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        using var master = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" }.ConnectionString);
        master.Open();
        using var drop = master.CreateCommand();
        // The name is ours (signpost_test_ and a GUID), so quoting it is enough.
        drop.CommandText = $"""
            IF DB_ID(N'{database}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{database}];
            END
            """;
        drop.ExecuteNonQuery();
    }
}

/// <summary>A test of something only the SQLite engine has (its file, its query plans, its pragmas): skipped on SQL Server, saying so.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsSqlServer)
        {
            Skip = "Tests the SQLite engine itself; this run is on SQL Server.";
        }
    }
}

/// <summary>The theory form of <see cref="SqliteFactAttribute"/>.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsSqlServer)
        {
            Skip = "Tests the SQLite engine itself; this run is on SQL Server.";
        }
    }
}

/// <summary>A test that needs the SQL Server named by SIGNPOST_TEST_SQLSERVER: skipped without one, saying why.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (!TestDatabase.IsSqlServer)
        {
            Skip = TestDatabase.WhySqlServerWasSkipped;
        }
    }
}
