using Signpost.OpenReferral.Export;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>What Signpost exports, another Signpost imports, and exports again unchanged.</summary>
public sealed class OpenReferralRoundTripTests
{
    [Fact]
    public async Task ExportImportIntoAnEmptyDirectoryAndExportAgainGiveTheSameFile()
    {
        var folder = Directory.CreateTempSubdirectory("signpost-round-trip-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.json");
            var second = Path.Combine(folder, "second.json");
            using (var seeded = new DirectoryApiFactory())
            {
                Assert.Equal(0, await ExportCommand.RunAsync(seeded.Services, ["--format", "json", "--out", first], TextWriter.Null, TextWriter.Null));
            }

            // A new directory: Signpost's categories and postcode districts, and no services yet.
            var seed = Path.Combine(folder, "seed");
            CopySeedWithoutServices(seed);
            using var empty = new ConfiguredDirectoryFactory { ["Database:SeedPath"] = seed };
            var import = await empty.ImportAsync(first, "--name", "signpost");
            Assert.True(import.Exit == 0, import.Output + import.Error);
            Assert.Equal(0, await ExportCommand.RunAsync(empty.Services, ["--format", "json", "--out", second], TextWriter.Null, TextWriter.Null));

            var expected = (await File.ReadAllLinesAsync(first)).Select(WithoutChangeTimes).ToArray();
            var actual = (await File.ReadAllLinesAsync(second)).Select(WithoutChangeTimes).ToArray();
            var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], -1);
            Assert.True(firstDifference < 0 && expected.Length == actual.Length,
                firstDifference < 0 ? $"{expected.Length} lines became {actual.Length}" : $"line {firstDifference + 1}:\n  {Around(expected[firstDifference], actual[firstDifference])}\n  {Around(actual[firstDifference], expected[firstDifference])}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ADirectorySetUpWithoutServicesIsNotSeededAgainOnItsNextStart()
    {
        var folder = Directory.CreateTempSubdirectory("signpost-no-services-").FullName;
        var database = TestDatabase.IsSqlServer ? TestDatabase.NewSqlServerDatabase() : $"Data Source={Path.Combine(folder, "directory.db")}";
        try
        {
            var seed = Path.Combine(folder, "seed");
            CopySeedWithoutServices(seed);
            foreach (var start in new[] { 1, 2 })
            {
                using var api = new ConfiguredDirectoryFactory { ["Database:SeedPath"] = seed, ["Database:ConnectionString"] = database };
                var categories = (await new GraphQLClient(api.CreateClient()).PostAsync("{ categories { id } }")).DataOrFail()["categories"]!.AsArray();
                Assert.True(categories.Count > 5, $"start {start}: {categories.Count} categories");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (TestDatabase.IsSqlServer)
            {
                TestDatabase.DropSqlServerDatabase(database);
            }
        }
    }

    internal static void CopySeedWithoutServices(string target)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "data-seed");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!relative.StartsWith("services", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
        }

        Directory.CreateDirectory(Path.Combine(target, "services"));
    }

    /// <summary>
    /// <c>last_modified</c> says when a service last changed in the directory that serves it, so an
    /// importing directory sets it to the import (its downstream pulls by <c>modified_after</c> rely on that).
    /// </summary>
    private static string WithoutChangeTimes(string line) =>
        System.Text.RegularExpressions.Regex.Replace(line, "\"last_modified\":\"[^\"]*\"", "\"last_modified\":\"…\"");

    /// <summary>The stretch of <paramref name="line"/> around where it first differs from <paramref name="other"/>.</summary>
    private static string Around(string line, string other)
    {
        var at = Enumerable.Range(0, Math.Min(line.Length, other.Length)).FirstOrDefault(i => line[i] != other[i], Math.Min(line.Length, other.Length));
        var start = Math.Max(0, at - 150);
        return "…" + line[start..Math.Min(line.Length, at + 250)] + "…";
    }
}

/// <summary>One Signpost imports another's Open Referral UK feed over HTTP.</summary>
public sealed class FeedToFeedTests(KestrelDirectoryFactory source) : IClassFixture<KestrelDirectoryFactory>
{
    [Fact]
    public async Task OneSignpostsFeedImportsIntoAnotherAndServesTheSameServices()
    {
        var folder = Directory.CreateTempSubdirectory("signpost-feed-to-feed-").FullName;
        try
        {
            var seed = Path.Combine(folder, "seed");
            OpenReferralRoundTripTests.CopySeedWithoutServices(seed);
            using var target = new ConfiguredDirectoryFactory { ["Database:SeedPath"] = seed };

            var run = await target.ImportAsync(new Uri(source.Address, "/openreferral/").ToString(), "--name", "sid-valley");

            Assert.True(run.Exit == 0, run.ToString());
            using var sourceHttp = source.CreatePlainClient();
            using var targetHttp = target.CreateClient();
            var expected = System.Text.Json.Nodes.JsonNode.Parse(await sourceHttp.GetStringAsync("/openreferral/services?per_page=1"))!;
            var total = (int)expected["total_items"]!;
            Assert.Contains($"{total} created", run.Output);
            var id = (string)expected["contents"]![0]!["id"]!;
            var theirs = System.Text.Json.Nodes.JsonNode.Parse(await targetHttp.GetStringAsync($"/openreferral/services/{id}"))!.AsObject();
            var ours = System.Text.Json.Nodes.JsonNode.Parse(await sourceHttp.GetStringAsync($"/openreferral/services/{id}"))!.AsObject();
            OrukSchemas.AssertValid("service", theirs);
            theirs.Remove("last_modified");
            ours.Remove("last_modified");
            Assert.Equal(ours.ToJsonString(), theirs.ToJsonString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
