// Scaffolds EF Core migrations for the API without the dotnet-ef global tool:
//   dotnet run --project tools/Signpost.Migrations -- add <Name> [--engine sqlite|sqlserver]
// A model change needs a migration for each engine, so by default it adds one to both sets:
// SQLite's in api/Data/Migrations and SQL Server's in api/Data/SqlServer/Migrations.
// It uses EF's own design-time services, so the output is what `dotnet ef migrations add` writes.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Data.SqlServer;

const string Usage = "usage: dotnet run --project tools/Signpost.Migrations -- add <MigrationName> [--engine sqlite|sqlserver]";
var (name, engines) = args switch
{
    ["add", var n] => (n, new[] { "sqlite", "sqlserver" }),
    ["add", var n, "--engine", var e] when e is "sqlite" or "sqlserver" => (n, new[] { e }),
    _ => (null, []),
};
if (name is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var apiDirectory = FindApiDirectory();
foreach (var engine in engines)
{
    using DbContext db = engine == "sqlite"
        ? new DirectoryDbContext((DbContextOptions<DirectoryDbContext>)DatabaseServiceCollectionExtensions
            .ConfigureSqlite(new DbContextOptionsBuilder<DirectoryDbContext>(), "Data Source=:memory:").Options)
        : new SqlServerDirectoryDbContext((DbContextOptions<SqlServerDirectoryDbContext>)DatabaseServiceCollectionExtensions
            .ConfigureSqlServer(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>(), "Server=design-time;Database=signpost").Options);

    var services = new ServiceCollection()
        .AddEntityFrameworkDesignTimeServices()
        .AddDbContextDesignTimeServices(db);
    // The provider's design-time services are what dotnet-ef loads by reflection; here we name them directly.
#pragma warning disable EF1001
    if (engine == "sqlite")
    {
        new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
    }
    else
    {
        new Microsoft.EntityFrameworkCore.SqlServer.Design.Internal.SqlServerDesignTimeServices().ConfigureDesignTimeServices(services);
    }
#pragma warning restore EF1001
    using var provider = services.BuildServiceProvider();

    var (subNamespace, folder) = engine == "sqlite"
        ? ("Data.Migrations", Path.Combine("Data", "Migrations"))
        : ("Data.SqlServer.Migrations", Path.Combine("Data", "SqlServer", "Migrations"));
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, rootNamespace: "Signpost", subNamespace: subNamespace, language: "C#");
    var files = scaffolder.Save(apiDirectory, migration, Path.Combine(apiDirectory, folder));
    Console.WriteLine($"{engine}: wrote {files.MigrationFile}");
    Console.WriteLine($"{engine}: wrote {files.MetadataFile}");
    Console.WriteLine($"{engine}: wrote {files.SnapshotFile}");
}

return 0;

static string FindApiDirectory()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var api = Path.Combine(dir.FullName, "api");
        if (File.Exists(Path.Combine(api, "Signpost.Api.csproj")))
        {
            return api;
        }
    }

    throw new InvalidOperationException("Run this from inside the repository.");
}
