// Scaffolds EF Core migrations for the API without the dotnet-ef global tool:
//   dotnet run --project tools/Signpost.Migrations -- add <Name>
// It uses EF's own design-time services, so the output is what `dotnet ef migrations add` writes.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Signpost.Migrations -- add <MigrationName>");
    return 2;
}

var apiDirectory = FindApiDirectory();
var options = DatabaseServiceCollectionExtensions
    .ConfigureSqlite(new DbContextOptionsBuilder<DirectoryDbContext>(), "Data Source=:memory:")
    .Options;
using var db = new DirectoryDbContext((DbContextOptions<DirectoryDbContext>)options);

var services = new ServiceCollection()
    .AddEntityFrameworkDesignTimeServices()
    .AddDbContextDesignTimeServices(db);
// The provider's design-time services are what dotnet-ef loads by reflection; here we name them directly.
#pragma warning disable EF1001
new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
using var provider = services.BuildServiceProvider();

var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, rootNamespace: "Signpost", subNamespace: "Data.Migrations", language: "C#");
var files = scaffolder.Save(apiDirectory, migration, Path.Combine(apiDirectory, "Data", "Migrations"));
Console.WriteLine($"Wrote {files.MigrationFile}");
Console.WriteLine($"Wrote {files.MetadataFile}");
Console.WriteLine($"Wrote {files.SnapshotFile}");
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
