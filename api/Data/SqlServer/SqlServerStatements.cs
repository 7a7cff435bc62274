namespace Signpost.Data.SqlServer;

/// <summary>
/// The raw T-SQL the app sends outside EF's LINQ and the search (which keeps its own in
/// Search/SqlServer/). Kept together so a test parses each with SQL Server's own parser.
/// </summary>
public static class SqlServerStatements
{
    /// <summary>
    /// Held until the seeding transaction ends, so of several instances starting on one empty
    /// database only the first seeds it; the others wait, then find it seeded. SQL Server frees the
    /// lock with the transaction however it ends, so nothing can be left behind.
    /// </summary>
    public const string LockForSeeding = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'signpost-seed', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = @timeoutMs;
        IF @result < 0
            THROW 50001, N'Gave up waiting for another instance that is seeding this database (Database:MigrationLockTimeout).', 1;
        """;

    /// <summary>
    /// 1 once the full-text index holds every committed change (SQL Server fills it in the
    /// background, usually within seconds), else 0; also 1 where there is no index yet.
    /// </summary>
    public const string TextIndexIsUpToDate = """
        SELECT CASE
            WHEN ISNULL(FULLTEXTCATALOGPROPERTY(N'signpost_search', 'PopulateStatus'), 0) = 0
             AND ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'service_search'), 'TableFulltextPendingChanges'), 0) = 0
             AND ISNULL(OBJECTPROPERTYEX(OBJECT_ID(N'service_search'), 'TableFulltextPopulateStatus'), 0) = 0
            THEN 1 ELSE 0 END AS [Value]
        """;

    /// <summary>Every statement above, by name, for the parser test.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(LockForSeeding)] = LockForSeeding,
        [nameof(TextIndexIsUpToDate)] = TextIndexIsUpToDate,
    };
}
