using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Signpost.Data.SqlServer;

/// <summary>
/// Raw T-SQL in SQL Server migrations, written readably as batches separated by <c>GO</c> lines and
/// sent one batch per <c>EXEC</c>. Each batch then runs the same however the migration is applied:
/// by the app (one command per batch), or from a script, where EF puts no <c>GO</c> between one
/// migration's commands and an idempotent script wraps each in <c>IF … BEGIN … END</c>, and where
/// <c>CREATE VIEW</c> or <c>CREATE TRIGGER</c> could not otherwise stand.
/// </summary>
public static partial class SqlServerBatches
{
    public static void SqlBatches(this MigrationBuilder migrationBuilder, string sql, bool suppressTransaction = false)
    {
        foreach (var batch in Split(sql))
        {
            migrationBuilder.Sql(Exec(batch), suppressTransaction);
        }
    }

    /// <summary>The batches of <paramref name="sql"/>: the text between <c>GO</c> lines, blank ones left out.</summary>
    public static IEnumerable<string> Split(string sql) =>
        GoLine().Split(sql).Select(b => b.Trim()).Where(b => b.Length > 0);

    /// <summary>One batch as a dynamic-SQL statement (quotes doubled inside the literal).</summary>
    public static string Exec(string batch) => $"EXEC(N'{batch.Replace("'", "''", StringComparison.Ordinal)}');";

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
