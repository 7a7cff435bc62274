using System.ComponentModel.DataAnnotations;

namespace Signpost.Data;

/// <summary>Where the directory is stored. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// The engine configured, read before the options are bound, where services are registered for
    /// it (an unknown name registers SQLite's, and the options' validation then stops the start).
    /// </summary>
    public static string ProviderIn(IConfiguration configuration) =>
        configuration[$"{SectionName}:{nameof(Provider)}"] ?? DatabaseProviders.Sqlite;

    /// <summary>
    /// <c>Sqlite</c> (the embedded default: one file, no set-up) or <c>SqlServer</c> (SQL Server 2019+
    /// or Azure SQL, for several API instances on one managed database).
    /// </summary>
    [Required]
    [AllowedValues(DatabaseProviders.Sqlite, DatabaseProviders.SqlServer, ErrorMessage = "Database:Provider must be 'Sqlite' or 'SqlServer'.")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>
    /// For SQLite, a relative <c>Data Source</c> is resolved against the app's content root. For SQL
    /// Server, a SqlClient connection string that names the database (<c>Initial Catalog</c>).
    /// </summary>
    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=signpost.db";

    /// <summary>Apply migrations on start-up, so a fresh machine needs no set-up step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load data-seed/ into an empty database on start-up.</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>
    /// How long start-up waits for another process that is migrating or seeding the same database
    /// (SQLite: it holds <c>&lt;database&gt;.migrate.lock</c>; SQL Server: an application lock) before
    /// giving up with a message saying so.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Database:MigrationLockTimeout must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan MigrationLockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public const int DefaultMemoryMapMiB = 4096;

    /// <summary>
    /// How much of the database file SQLite reads through a memory map (MiB; 0 turns it off). The
    /// map is address space, not memory: the pages come from the operating system's file cache,
    /// which the process shares rather than copying each page into its own cache.
    /// </summary>
    [Range(0, 65536, ErrorMessage = "Database:MemoryMapMiB must be between 0 and 65536.")]
    public int MemoryMapMiB { get; set; } = DefaultMemoryMapMiB;

    /// <summary>Folder holding the seed data; relative paths are resolved against the app's base directory.</summary>
    [Required]
    public string SeedPath { get; set; } = "data-seed";
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
