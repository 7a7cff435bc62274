using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// Microsoft's own T-SQL parser at SQL Server 2019's level (150), the oldest engine the directory
/// supports; Azure SQL accepts everything 2019 does. A statement using syntax from a later version
/// (or none) fails here with the line, column and message SQL Server would give.
/// </summary>
public static class TSql
{
    public static TSqlFragment Parse(string sql, string what)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            $"{what} does not parse as SQL Server 2019 T-SQL:\n"
            + string.Join("\n", errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}"))
            + "\n--- SQL ---\n" + sql);
        return fragment;
    }
}
