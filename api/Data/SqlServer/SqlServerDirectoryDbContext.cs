using Microsoft.EntityFrameworkCore;

namespace Signpost.Data.SqlServer;

/// <summary>
/// The directory's model on SQL Server / Azure SQL. Its own type, because EF Core keeps one
/// migration set per context type: SQL Server's migrations (SqlServer/Migrations/) are separate
/// from SQLite's. It is registered as <see cref="DirectoryDbContext"/>, so feature code never
/// knows which engine it runs on.
/// </summary>
public sealed class SqlServerDirectoryDbContext(DbContextOptions<SqlServerDirectoryDbContext> options) : DirectoryDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        SqlServerModel.Apply(modelBuilder);
    }
}
