using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signpost.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Signpost.Tests.SqlServer;

/// <summary>
/// The API on SQL Server's EF provider, with a recorder standing in for the server: every read
/// the site, widgets, feeds and console make is sent, and every statement EF writes for it must
/// translate (a LINQ query SQL Server cannot run fails here, not in production), parse at SQL
/// Server 2019's level, and match the snapshot, so a change to any of them is seen in review.
/// </summary>
public sealed partial class SqlServerQueryTranslationTests
{
    private static readonly Guid SomeId = Guid.Parse("6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60");

    /// <summary>The API on SQL Server's provider with nothing behind it.</summary>
    private sealed class RecordingApi(SqlServerRecorder recorder) : DirectoryApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:ConnectionString", SqlServerDesignTime.NoServer);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:SeedOnStartup", "false");
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(recorder));
        }
    }

    [Fact]
    public async Task EveryQueryOfThePublicReadsAndConsoleTranslatesForSqlServer2019()
    {
        var recorder = new SqlServerRecorder();
        using var api = new RecordingApi(recorder);
        var http = api.CreateClient();
        var graphQL = new GraphQLClient(http);

        foreach (var (file, operation) in ReadOperations())
        {
            await graphQL.PostAsync(await File.ReadAllTextAsync(file), Variables, operation);
        }

        var failures = new List<Exception>();
        foreach (var path in GetPaths)
        {
            try
            {
                using var _ = await http.GetAsync(path);
            }
            catch (Exception e)
            {
                // With no rows, or no server for the search's own commands, a page can fail after its
                // queries were written; only a query EF could not write for SQL Server matters here.
                failures.Add(e);
            }
        }

        var untranslatable = api.Logs.Entries.Select(e => $"{e.Message}\n{e.Exception}")
            .Concat(failures.Select(e => e.ToString()))
            .Where(text => text.Contains("could not be translated", StringComparison.Ordinal)).ToList();
        Assert.True(untranslatable.Count == 0, string.Join("\n\n", untranslatable));

        var statements = recorder.Commands.Select(Normalise).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(statements.Count >= 20, $"only {statements.Count} statements were recorded");
        foreach (var sql in statements)
        {
            TSql.Parse(sql, "A query EF wrote for SQL Server");
        }

        Snapshot.Match(statements);
    }

    /// <summary>The GraphQL operations that only read, from the tests' and the site's query files.</summary>
    private static IEnumerable<(string File, string Operation)> ReadOperations()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Queries"), "*.graphql")
            .Concat(Directory.GetFiles(SiteQueries(), "*.graphql"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            foreach (Match match in QueryOperation().Matches(File.ReadAllText(file)))
            {
                yield return (file, match.Groups[1].Value);
            }
        }
    }

    private static string SiteQueries()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var queries = Path.Combine(dir.FullName, "site", "Api", "Queries");
            if (Directory.Exists(queries))
            {
                return queries;
            }
        }

        throw new DirectoryNotFoundException("site/Api/Queries");
    }

    /// <summary>Values for every variable the read operations declare; each takes the ones it names.</summary>
    private static readonly object Variables = new
    {
        id = SomeId,
        serviceId = SomeId,
        postcode = "EX10 8XX",
        near = new { latitude = 50.68, longitude = -3.24 },
        radiusKm = 5.0,
        text = "carers support",
        categories = new[] { SomeId },
        first = 5,
        reference = "SIG-ABC123",
        token = "not-a-token",
    };

    private static readonly string[] GetPaths =
    [
        "/openreferral/", "/openreferral/services?page=1&per_page=5", "/openreferral/services?text=carers&taxonomy_term_id=" + "6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60",
        "/openreferral/services/6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60", "/openreferral/organizations", "/openreferral/organizations/6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60",
        "/openreferral/taxonomies", "/openreferral/taxonomies/6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60", "/openreferral/taxonomy_terms?search=care",
        "/openreferral/taxonomy_terms/6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60", "/openreferral/service_at_locations",
        "/openreferral/service_at_locations/6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60",
        "/health/ready", "/moderate/sign-in", "/moderate/set-password?account=6a1f3e52-0d0b-4d8e-9d7e-3b1c2a4f5e60&code=x",
    ];

    /// <summary>Parameter names and literal GUIDs vary between runs only in ways that do not matter.</summary>
    private static string Normalise(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^\s*query\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex QueryOperation();
}
