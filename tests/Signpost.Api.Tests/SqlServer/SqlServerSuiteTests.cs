using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Data.SqlServer;
using Signpost.Search;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// The integration suite runs on SQL Server when SIGNPOST_TEST_SQLSERVER names one: every API the
/// tests start then gets its own database there. These say which engine the run used, and, without a
/// server, that SQL Server was skipped and why.
/// </summary>
[Collection(DirectoryCollection.Name)]
public sealed class SqlServerSuiteTests(DirectoryApiFactory api)
{
    [SqlServerFact]
    public async Task TheSuiteRunsOnSqlServerWithItsOwnMigrationsAndSearch()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();

        Assert.IsType<SqlServerDirectoryDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("SqlServerServiceSearch", scope.ServiceProvider.GetRequiredService<IServiceSearch>().GetType().Name);
        Assert.True(await db.Services.CountAsync() >= 40, "the seed data is loaded");
    }

    [Fact]
    public async Task TheSuiteRunsOnTheEngineItWasGiven()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();

        Assert.Equal(TestDatabase.IsSqlServer, db.Database.IsSqlServer());
        Assert.Equal(!TestDatabase.IsSqlServer, db.Database.IsSqlite());
    }
}
