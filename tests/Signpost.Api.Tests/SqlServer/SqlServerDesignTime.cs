using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Data.SqlServer;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// The SQL Server context as the app configures it, pointed at a server that does not exist: enough
/// for EF to build the model, generate migration scripts and translate queries, which need no server.
/// </summary>
public static class SqlServerDesignTime
{
    public const string NoServer = "Server=tcp:no-server.invalid,1433;Database=signpost;Connect Timeout=1";

    public static SqlServerDirectoryDbContext Context(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = DatabaseServiceCollectionExtensions
            .ConfigureSqlServer(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>(), NoServer)
            .AddInterceptors(interceptors);
        return new SqlServerDirectoryDbContext((DbContextOptions<SqlServerDirectoryDbContext>)options.Options);
    }
}
