using System.Data;
using Microsoft.Data.SqlClient;

namespace Signpost.Search.SqlServer;

/// <summary>
/// Full-text search conditions over <c>service_search</c> (<see cref="SqlServerSearchIndex.FullTextV1"/>),
/// always passed as parameters. Every word is a quoted term inside <c>FORMSOF(INFLECTIONAL, …)</c>,
/// so it matches its inflections (as SQLite's porter stemmer matches its stem) and is never read as
/// an operator: <see cref="FtsQuery"/> keeps only letters, digits and combining marks, so a word can
/// hold no quote. Like FTS5's phrases, no word is a prefix search.
/// </summary>
public static class SqlServerTextQuery
{
    /// <summary>
    /// The column weights of SQLite's bm25 (<see cref="Sqlite.SqliteSearchIndex.Bm25Weights"/>): name,
    /// organisation, categories, description. SQLite's fifth column (place cells) has weight 0 and
    /// no counterpart here: the spatial index places services.
    /// </summary>
    public static readonly IReadOnlyList<(string Column, int Weight)> Weights =
        [("name", 10), ("organization", 4), ("categories", 6), ("description", 1)];

    /// <summary>Every word, anywhere in the service's text (FTS5's implicit AND): for <c>content</c>.</summary>
    public static string AllWords(FtsQuery text) => string.Join(" AND ", text.Words.Select(Term));

    /// <summary>Any word: for ranking each column by the words it holds.</summary>
    public static string AnyWord(FtsQuery text) => string.Join(" OR ", text.Words.Select(Term));

    private static string Term(string word)
    {
        // FtsQuery lets no quote through; should that ever change, a quote must still end no term.
        var safe = word.Replace("\"", "", StringComparison.Ordinal);
        return $"FORMSOF(INFLECTIONAL, \"{safe}\")";
    }

    /// <summary><c>@text</c>: every word must match.</summary>
    public static void AddAllWords(List<SqlParameter> parameters, FtsQuery text) =>
        SqlServerParameters.Add(parameters, "@text", SqlDbType.NVarChar, AllWords(text), 4000);

    /// <summary>
    /// The matches with their rank, lower is better (as SQLite's bm25 and <see cref="SearchCursor.Rank"/>):
    /// minus the weighted sum of each column's full-text rank (0–1000). The ranks are integers, so the
    /// sum is exact and the keyset compares it exactly.
    /// </summary>
    public static string RankedMatches(FtsQuery text, List<SqlParameter> parameters)
    {
        AddAllWords(parameters, text);
        SqlServerParameters.Add(parameters, "@anyWord", SqlDbType.NVarChar, AnyWord(text), 4000);
        var sum = string.Join(" + ", Weights.Select(w => $"{w.Weight} * ISNULL({w.Column[0]}.[RANK], 0)"));
        var joins = string.Concat(Weights.Select(w =>
            $"\n    LEFT JOIN CONTAINSTABLE(service_search, {w.Column}, @anyWord) {w.Column[0]} ON {w.Column[0]}.[KEY] = m.[KEY]"));
        return $"""
            SELECT m.[KEY] AS row_id, -CAST({sum} AS float) AS text_rank
                FROM CONTAINSTABLE(service_search, content, @text) m{joins}
            """;
    }

    /// <summary>A condition on a service row id: the service has every word.</summary>
    public static string Matches(FtsQuery text, string rowId, List<SqlParameter> parameters)
    {
        AddAllWords(parameters, text);
        return $"{rowId} IN (SELECT [KEY] FROM CONTAINSTABLE(service_search, content, @text))";
    }
}
