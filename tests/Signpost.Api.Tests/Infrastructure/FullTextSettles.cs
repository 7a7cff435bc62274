using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Signpost.Data.SqlServer;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// On SQL Server, the full-text index takes in a change in the background, usually within a second
/// or two; a resident sees it "soon", a test that writes then searches by words at once would not.
/// After every committed write, this waits (up to 30 s) until the index holds it, so the suite tests
/// the search, not the race. SQLite's FTS5 changes with the write, and needs none of this.
/// </summary>
public sealed class FullTextSettles : IDbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && eventData.Context?.Database.CurrentTransaction is null)
        {
            await SettleAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await SettleAsync(eventData.Context, cancellationToken);

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await SettleAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    private static async Task SettleAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context?.Database.GetConnectionString() is not { } connectionString)
        {
            return;
        }

        // Its own connection: the context's may be busy, or inside the caller's next transaction.
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqlServerStatements.TextIndexIsUpToDate;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        // A change reaches the index's queue a moment after its commit: look twice before trusting "up to date".
        var upToDateSeen = 0;
        while (waited.Elapsed < Patience && upToDateSeen < 2)
        {
            upToDateSeen = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1 ? upToDateSeen + 1 : 0;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
