namespace Signpost.Search.SqlServer;

/// <summary>The SQL Server search indexes, created by the SQL Server migrations.</summary>
public static class SqlServerSearchIndex
{
    /// <summary>The tables whose triggers keep the search index in step, with those triggers' names.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Triggers = new Dictionary<string, string[]>();
}
