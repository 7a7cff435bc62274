using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Signpost.Geo;
using Signpost.OpeningHours;
using Signpost.Search;
using Signpost.Search.SqlServer;
using Snapshooter;
using Snapshooter.Xunit;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// The SQL Server search cannot run here (no SQL Server), so every statement it can send is parsed
/// by Microsoft's own T-SQL parser at SQL Server 2019's level, its variables are checked against the
/// parameters it sends, and the user's text is shown to reach SQL Server only as parameter values.
/// </summary>
public sealed class SqlServerSearchSqlTests
{
    private static readonly GeoPoint Sidmouth = new(50.68, -3.239);
    private const string Hostile = "O'Brien; DROP TABLE services --";

    private static readonly OpenAtMoment TuesdayMorning = new("2026-11-24", "10:30", "TU", "4TU", "-1TU", "2026-11-23", false);

    /// <summary>Each filter alone, then all of them together.</summary>
    private static readonly (string Name, Func<ServiceSearchRequest, ServiceSearchRequest> Apply)[] Filters =
    [
        ("none", r => r),
        ("categories", r => r with { CategoryIds = [Guid.NewGuid(), Guid.NewGuid()] }),
        ("open at", r => r with { OpenAt = TuesdayMorning }),
        ("open on a bank holiday", r => r with { OpenAt = TuesdayMorning with { IsBankHoliday = true, LastDayCode = null } }),
        ("free", r => r with { Free = true }),
        ("not free", r => r with { Free = false }),
        ("age", r => r with { Age = 8 }),
        ("language", r => r with { Language = "pl" }),
        ("ages from", r => r with { AgesFrom = 5 }),
        ("ages to", r => r with { AgesTo = 12 }),
        ("organisation", r => r with { OrganizationId = Guid.NewGuid() }),
        ("taxonomy", r => r with { TaxonomyId = Guid.NewGuid() }),
        ("modified after", r => r with { ModifiedAfter = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(1)) }),
        ("available during", r => r with { AvailableDuring = new AvailabilityWindow("TU", "09:00", "12:00") }),
        ("available any time", r => r with { AvailableDuring = new AvailabilityWindow(null, null, null) }),
        ("all", r => r with
        {
            CategoryIds = [Guid.NewGuid()],
            OpenAt = TuesdayMorning,
            Free = true,
            Age = 8,
            Language = "pl",
            AgesFrom = 5,
            AgesTo = 12,
            OrganizationId = Guid.NewGuid(),
            TaxonomyId = Guid.NewGuid(),
            ModifiedAfter = DateTimeOffset.UnixEpoch,
            AvailableDuring = new AvailabilityWindow("WE", null, "17:00"),
        }),
    ];

    /// <summary>Functions that parse at any level (they are only names) but exist from SQL Server 2022 or in Azure SQL only.</summary>
    private static readonly HashSet<string> NewerThan2019 = new(
        ["GREATEST", "LEAST", "DATE_BUCKET", "DATETRUNC", "GENERATE_SERIES", "JSON_ARRAY", "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_ARRAYAGG",
         "APPROX_PERCENTILE_CONT", "APPROX_PERCENTILE_DISC", "LEFT_SHIFT", "RIGHT_SHIFT", "BIT_COUNT", "GET_BIT", "SET_BIT", "REGEXP_LIKE"],
        StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void TheIndexesParseAsSqlServer2019()
    {
        var functions = new Variables();
        TSql.Parse(SqlServerSearchIndex.CreateV1 + "\nGO\n" + SqlServerSearchIndex.FullTextV1, "index").Accept(functions);
        Assert.False(functions.Functions.Overlaps(NewerThan2019), string.Join(", ", functions.Functions.Intersect(NewerThan2019)));
        Assert.Superset(new HashSet<string>(["STRING_AGG", "CONCAT_WS", "FULLTEXTSERVICEPROPERTY"], StringComparer.OrdinalIgnoreCase), functions.Functions);

        TSql.Parse(SqlServerSearchIndex.CreateV1, nameof(SqlServerSearchIndex.CreateV1));
        TSql.Parse(SqlServerSearchIndex.FullTextV1, nameof(SqlServerSearchIndex.FullTextV1));
        TSql.Parse(SqlServerSearchIndex.DropFullTextV1, nameof(SqlServerSearchIndex.DropFullTextV1));
        TSql.Parse(SqlServerSearchIndex.DropV1, nameof(SqlServerSearchIndex.DropV1));
    }

    [Fact]
    public void TheIndexesMatchTheSnapshot()
    {
        Snapshot.Match(
            $"-- {nameof(SqlServerSearchIndex.CreateV1)}\n{SqlServerSearchIndex.CreateV1}\n\n-- {nameof(SqlServerSearchIndex.FullTextV1)}\n{SqlServerSearchIndex.FullTextV1}\n");
    }

    [Fact]
    public void EachBatchOfTheIndexesParsesOnItsOwnAsEfSendsIt()
    {
        foreach (var (batch, i) in Batches(SqlServerSearchIndex.CreateV1 + "\nGO\n" + SqlServerSearchIndex.FullTextV1).Select((b, i) => (b, i)))
        {
            TSql.Parse(batch, $"batch {i + 1}");
        }
    }

    [Fact]
    public void EveryViewAndTriggerIsTheOnlyStatementOfItsBatch()
    {
        var script = (TSqlScript)TSql.Parse(SqlServerSearchIndex.CreateV1, nameof(SqlServerSearchIndex.CreateV1));
        var creations = script.Batches.SelectMany(b => b.Statements.Select(s => (Batch: b, Statement: s)))
            .Where(x => x.Statement is CreateTriggerStatement or CreateViewStatement)
            .ToList();

        Assert.Equal(5, creations.Count);
        Assert.All(creations, x => Assert.Single(x.Batch.Statements));
    }

    [Fact]
    public void TheTriggersMapNamesExactlyTheTriggersTheIndexCreates()
    {
        var script = (TSqlScript)TSql.Parse(SqlServerSearchIndex.CreateV1, nameof(SqlServerSearchIndex.CreateV1));
        var created = script.Batches.SelectMany(b => b.Statements).OfType<CreateTriggerStatement>()
            .Select(t => $"{t.TriggerObject.Name.BaseIdentifier.Value}:{t.Name.BaseIdentifier.Value}")
            .Order(StringComparer.Ordinal);
        var declared = SqlServerSearchIndex.Triggers
            .SelectMany(t => t.Value.Select(name => $"{t.Key}:{name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, created);
    }

    [Fact]
    public void TheFullTextIndexChecksFullTextIsInstalledFirstAndIgnoresNoWord()
    {
        var batches = Batches(SqlServerSearchIndex.FullTextV1);
        Assert.Contains("FULLTEXTSERVICEPROPERTY('IsFullTextInstalled')", batches[0], StringComparison.Ordinal);
        Assert.Contains("THROW", batches[0], StringComparison.Ordinal);
        Assert.Contains("mssql-server-fts", batches[0], StringComparison.Ordinal);
        Assert.Contains("STOPLIST = OFF", batches[^1], StringComparison.Ordinal);
        Assert.Contains("CHANGE_TRACKING = AUTO", batches[^1], StringComparison.Ordinal);
        Assert.Contains("KEY INDEX PK_service_search", batches[^1], StringComparison.Ordinal);
        Assert.Equal(5, CountOf(batches[^1], "LANGUAGE 2057"));
    }

    [Fact]
    public void EveryStatementOfEverySearchParsesAndDeclaresExactlyTheParametersItUses()
    {
        var checkedStatements = 0;
        foreach (var (what, sql, parameters) in Matrix())
        {
            var fragment = TSql.Parse(sql, what);
            var names = parameters.Select(p => p.ParameterName).ToList();
            Assert.True(names.Count == names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"{what}: a parameter is sent twice\n{sql}");

            var variables = new Variables();
            fragment.Accept(variables);
            Assert.True(
                !variables.Functions.Overlaps(NewerThan2019),
                $"{what}: calls {string.Join(", ", variables.Functions.Intersect(NewerThan2019))}, newer than SQL Server 2019\n{sql}");
            var used = variables.Used.Except(variables.Declared, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
            Assert.True(
                used.SequenceEqual(names.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
                $"{what}: uses {string.Join(", ", used)} but sends {string.Join(", ", names)}\n{sql}");
            Assert.All(parameters, p => Assert.True(p.Value is not null, $"{what}: {p.ParameterName} has no value"));
            checkedStatements++;
        }

        Assert.True(checkedStatements > 2000, $"only {checkedStatements} statements checked");
    }

    [Fact]
    public void UserTextReachesSqlServerOnlyAsParameterValues()
    {
        var words = new[] { "Brien", "DROP", "TABLE", "bereavementzz", "caféqq" };
        var text = FtsQuery.From($"{Hostile} bereavementzz caféqq");
        var request = new ServiceSearchRequest
        {
            Text = text,
            Language = Hostile,
            Near = Sidmouth,
        };

        var cases = new List<(string What, string Sql, List<SqlParameter> Parameters)>();
        foreach (var order in Enum.GetValues<SearchOrder>())
        {
            var ordered = request with { OrderBy = order, After = Cursor(order) with { Key = Hostile } };
            cases.AddRange(Statements(ordered, $"hostile, {order}"));
            if (order != SearchOrder.Distance)
            {
                cases.AddRange(Statements(ordered with { Near = null }, $"hostile without a point, {order}"));
            }
        }

        foreach (var (what, sql, parameters) in cases)
        {
            var fragment = TSql.Parse(sql, what);
            var literals = new LiteralsAndIdentifiers();
            fragment.Accept(literals);
            foreach (var word in words)
            {
                Assert.DoesNotContain(literals.Values, v => v.Contains(word, StringComparison.OrdinalIgnoreCase));
            }

            // The statement's own text holds none of them either (CONTAINSTABLE holds "TABLE", a keyword).
            foreach (var word in words.Where(w => w != "TABLE"))
            {
                Assert.DoesNotContain(word, sql, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain("O'Brien", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("--", sql, StringComparison.Ordinal);
        }

        // The words are searched: they are in the text parameters, each inside its own quoted term.
        var withText = cases.SelectMany(c => c.Parameters).Where(p => p.ParameterName == "@text").Select(p => (string)p.Value).ToList();
        Assert.NotEmpty(withText);
        Assert.All(withText, v => Assert.All(words, w => Assert.Contains($"FORMSOF(INFLECTIONAL, \"{w}\")", v, StringComparison.Ordinal)));
        Assert.Contains(cases.SelectMany(c => c.Parameters), p => p.ParameterName == "@language" && (string)p.Value == Hostile);
        Assert.Contains(cases.SelectMany(c => c.Parameters), p => p.ParameterName == "@afterKey" && (string)p.Value == Hostile);
    }

    [Theory]
    [InlineData("dementia café", "FORMSOF(INFLECTIONAL, \"dementia\") AND FORMSOF(INFLECTIONAL, \"café\")")]
    [InlineData("NEAR(dementia, 2)", "FORMSOF(INFLECTIONAL, \"NEAR\") AND FORMSOF(INFLECTIONAL, \"dementia\") AND FORMSOF(INFLECTIONAL, \"2\")")]
    [InlineData("\"carers\" AND (support*)", "FORMSOF(INFLECTIONAL, \"carers\") AND FORMSOF(INFLECTIONAL, \"AND\") AND FORMSOF(INFLECTIONAL, \"support\")")]
    [InlineData("'; DROP TABLE services; --", "FORMSOF(INFLECTIONAL, \"DROP\") AND FORMSOF(INFLECTIONAL, \"TABLE\") AND FORMSOF(INFLECTIONAL, \"services\")")]
    public void EveryWordMustMatchInAnyOfItsForms(string text, string condition)
    {
        Assert.Equal(condition, SqlServerTextQuery.AllWords(FtsQuery.From(text)));
    }

    [Fact]
    public void ColumnsAreRankedByAnyOfTheWordsWithSqlitesWeights()
    {
        Assert.Equal(
            "FORMSOF(INFLECTIONAL, \"dementia\") OR FORMSOF(INFLECTIONAL, \"café\")",
            SqlServerTextQuery.AnyWord(FtsQuery.From("dementia café")));
        Assert.Equal(Search.Sqlite.SqliteSearchIndex.Bm25Weights, string.Join(", ", SqlServerTextQuery.Weights.Select(w => $"{w.Weight}.0")) + ", 0.0");
    }

    [Fact]
    public void BothEnginesMeasureTheSameChord()
    {
        var point = new NearPoint(Sidmouth);
        Assert.Equal(point.Chord2To(507000000, -32000000), point.Chord2ToDegrees(50.7, -3.2));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(10)]
    [InlineData(200)]
    public void TheSpatialReadIsWiderThanTheRadiusOnAnyEllipsoidLatitude(double km)
    {
        // WGS 84 geodesics differ from the mean-radius sphere by at most about 0.56%.
        Assert.True(SqlServerNearSearch.ReadMetres(km) >= km * 1000 * 1.006);
    }

    [Theory]
    [InlineData("text by relevance after a cursor")]
    [InlineData("by name with every filter")]
    [InlineData("last verified within reach of a point")]
    [InlineData("recently added, counted")]
    [InlineData("locations within a ring with text and open at")]
    [InlineData("services reaching by area")]
    [InlineData("areas at the point")]
    public void RepresentativeStatementsMatchTheSnapshot(string name)
    {
        var all = Filters.Single(f => f.Name == "all").Apply;
        var parameters = new List<SqlParameter>();
        var sql = name switch
        {
            "text by relevance after a cursor" => SqlServerServiceSearch.BuildPageSql(
                new ServiceSearchRequest { Text = FtsQuery.From("dementia café"), After = Cursor(SearchOrder.Relevance), First = 10 }, null, parameters),
            "by name with every filter" => SqlServerServiceSearch.BuildPageSql(
                all(new ServiceSearchRequest { After = Cursor(SearchOrder.Name), Skip = 20 }), null, parameters),
            "last verified within reach of a point" => SqlServerServiceSearch.BuildPageSql(
                new ServiceSearchRequest { Near = Sidmouth, OrderBy = SearchOrder.LastVerified, Free = true }, [11, 12, 13], parameters),
            "recently added, counted" => SqlServerServiceSearch.BuildCountSql(
                new ServiceSearchRequest { OrderBy = SearchOrder.RecentlyAdded, Text = FtsQuery.From("carers"), Language = "pl" }, null, parameters),
            "locations within a ring with text and open at" => SqlServerNearSearch.LocationsWithinSql(
                new ServiceSearchRequest { Near = Sidmouth, Text = FtsQuery.From("bereavement"), OpenAt = TuesdayMorning }, parameters, 2525, 252.5),
            "services reaching by area" => SqlServerNearSearch.AreaOnlySql(
                new ServiceSearchRequest { Near = Sidmouth, CategoryIds = [Guid.Empty] }, [11, 12], parameters),
            _ => SqlServerNearSearch.AreasAtPointSql(parameters, Sidmouth),
        };

        TSql.Parse(sql, name);
        var text = new StringBuilder(sql).Append("\n\n-- parameters\n");
        foreach (var p in parameters.OrderBy(p => p.ParameterName, StringComparer.Ordinal))
        {
            text.Append("-- ").Append(p.ParameterName).Append(' ').Append(p.SqlDbType)
                .Append(p.Size != 0 ? $"({p.Size})" : "").Append('\n');
        }

        Snapshot.Match(text.ToString(), SnapshotNameExtension.Create(name.Replace(' ', '_').Replace(",", "", StringComparison.Ordinal)));
    }

    /// <summary>Each order × text or not × a point or not × each filter alone and all together × cursor and skip or not.</summary>
    private static IEnumerable<(string What, string Sql, List<SqlParameter> Parameters)> Matrix()
    {
        foreach (var order in Enum.GetValues<SearchOrder>())
        {
            foreach (var text in new[] { null, FtsQuery.From("dementia café") })
            {
                foreach (var near in new GeoPoint?[] { null, Sidmouth })
                {
                    if ((order == SearchOrder.Distance && near is null) || (order == SearchOrder.Relevance && text is null))
                    {
                        continue;
                    }

                    foreach (var (filter, apply) in Filters)
                    {
                        foreach (var (paging, after, skip) in new[] { ("first page", (SearchCursor?)null, 0), ("after a cursor", Cursor(order), 0), ("skipping", null, 40), ("after a cursor, skipping", Cursor(order), 40) })
                        {
                            var request = apply(new ServiceSearchRequest { OrderBy = order, Text = text, Near = near, After = after, Skip = skip, First = 25 });
                            foreach (var statement in Statements(request, $"{order}, {(text is null ? "no text" : "text")}, {(near is null ? "no point" : "a point")}, {filter}, {paging}"))
                            {
                                yield return statement;
                            }
                        }
                    }
                }
            }
        }

        // Those that take no request.
        var areas = new List<SqlParameter>();
        yield return ("areas at the point", SqlServerNearSearch.AreasAtPointSql(areas, Sidmouth), areas);
        var locations = new List<SqlParameter>();
        yield return ("locations of services", SqlServerNearSearch.LocationsOfSql([1, 2, 3], locations), locations);
    }

    /// <summary>Every statement the search sends for a request, each with its parameters.</summary>
    private static IEnumerable<(string What, string Sql, List<SqlParameter> Parameters)> Statements(ServiceSearchRequest request, string what)
    {
        (string, string, List<SqlParameter>) Make(string kind, Func<List<SqlParameter>, string> build)
        {
            var parameters = new List<SqlParameter>();
            return ($"{what}: {kind}", build(parameters), parameters);
        }

        if (request.Near is not null)
        {
            if (request.Order == SearchOrder.Distance)
            {
                yield return Make("locations in the first circle", p => SqlServerNearSearch.LocationsWithinSql(request, p, 252.5));
                yield return Make("locations in a ring", p => SqlServerNearSearch.LocationsWithinSql(request, p, 2525, 252.5));
            }
            else
            {
                yield return Make("page within reach", p => SqlServerServiceSearch.BuildPageSql(request, [1, 2, 3], p));
            }

            yield return Make("services by area", p => SqlServerNearSearch.AreaOnlySql(request, [4, 5], p));
            yield return Make("count by area", p => SqlServerNearSearch.CountAmongSql(request, [4, 5], p));
        }
        else
        {
            yield return Make("page", p => SqlServerServiceSearch.BuildPageSql(request, null, p));
            yield return Make("count", p => SqlServerServiceSearch.BuildCountSql(request, null, p));
        }
    }

    private static SearchCursor Cursor(SearchOrder order) => order switch
    {
        SearchOrder.Distance => SearchCursor.ForDistance(ServiceReach.Location, 0.0000012, Guid.NewGuid()),
        SearchOrder.Relevance => SearchCursor.ForRelevance(-4012, Guid.NewGuid()),
        SearchOrder.Name => SearchCursor.ForName("Sidmouth carers", Guid.NewGuid()),
        SearchOrder.LastVerified => SearchCursor.ForLastVerified("2026-03-01", Guid.NewGuid()),
        _ => SearchCursor.ForRecentlyAdded(1234, Guid.NewGuid()),
    };

    /// <summary>The batches of a script split on <c>GO</c> lines, as EF's SQL Server migrations split them.</summary>
    private static List<string> Batches(string sql) =>
        sql.Split('\n')
            .Aggregate(new List<StringBuilder> { new() }, (batches, line) =>
            {
                if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
                {
                    batches.Add(new StringBuilder());
                }
                else
                {
                    batches[^1].Append(line).Append('\n');
                }

                return batches;
            })
            .Select(b => b.ToString())
            .Where(b => b.Trim().Length > 0)
            .ToList();

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class Variables : TSqlFragmentVisitor
    {
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Functions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(FunctionCall node)
        {
            Functions.Add(node.FunctionName.Value);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(VariableReference node)
        {
            Used.Add(node.Name);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(DeclareVariableElement node)
        {
            Declared.Add(node.VariableName.Value);
            base.ExplicitVisit(node);
        }
    }

    private sealed class LiteralsAndIdentifiers : TSqlFragmentVisitor
    {
        public List<string> Values { get; } = [];

        public override void ExplicitVisit(StringLiteral node)
        {
            Values.Add(node.Value);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(Identifier node)
        {
            Values.Add(node.Value);
            base.ExplicitVisit(node);
        }
    }
}
