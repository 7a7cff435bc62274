using System.Text.Json.Nodes;
using Signpost.OpenReferral.Export;
using Signpost.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Signpost.Tests;

/// <summary>What the feed and the export may show, what a page costs, and the export's files.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class OpenReferralPublicDataTests(ModeratedDirectoryFactory api)
{
    [Fact]
    public async Task APendingSubmissionNeverAppearsInTheFeedOrTheExport()
    {
        const string name = "Feed check knitting circle";
        // An organisation of its own: other tests in this collection approve listings of the usual one.
        const string organization = "Feed Check Village Hall Trust";
        var input = Listings.KnitAndNatter(name).With("organization", new { name = organization });
        (await api.Anonymous().RunAsync("SubmitListing", new { input })).DataOrFail();

        var http = api.CreateClient();
        var search = JsonNode.Parse(await http.GetStringAsync("/openreferral/services?search=knitting%20circle%20feed%20check"))!;
        Assert.Equal(0, search["total_items"]!.GetValue<int>());
        var everything = await http.GetStringAsync("/openreferral/services?format=ndjson");
        Assert.DoesNotContain(name, everything);
        Assert.DoesNotContain("pat.private@example.org", everything);
        Assert.DoesNotContain(organization, await http.GetStringAsync("/openreferral/organizations?format=ndjson"));

        var file = Path.Combine(Path.GetTempPath(), $"signpost-export-{Guid.NewGuid():N}.ndjson");
        try
        {
            Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", "ndjson", "--out", file], TextWriter.Null, TextWriter.Null));
            Assert.DoesNotContain(name, await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task APageCostsTheSameSqlCommandsWhateverItsSize()
    {
        var http = api.CreateClient();
        async Task<int> CommandsFor(string url)
        {
            await http.GetStringAsync(url); // warm caches
            api.Commands.Reset();
            var body = JsonNode.Parse(await http.GetStringAsync(url))!;
            Assert.NotEmpty(body["contents"]!.AsArray());
            return api.Commands.Count;
        }

        Assert.Equal(await CommandsFor("/openreferral/services?per_page=1"), await CommandsFor("/openreferral/services?per_page=100"));
        Assert.Equal(
            await CommandsFor("/openreferral/services?per_page=1&postcode=EX10&proximity=50000"),
            await CommandsFor("/openreferral/services?per_page=100&postcode=EX10&proximity=50000"));
        Assert.Equal(await CommandsFor("/openreferral/service_at_locations?per_page=1"), await CommandsFor("/openreferral/service_at_locations?per_page=100"));
        Assert.InRange(await CommandsFor("/openreferral/services?per_page=200"), 1, 20);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public async Task TheExportIsEveryListedServiceByIdValidAndTheSameBytesEveryTime(string format)
    {
        var first = Path.Combine(Path.GetTempPath(), $"signpost-export-{Guid.NewGuid():N}.{format}");
        var second = Path.Combine(Path.GetTempPath(), $"signpost-export-{Guid.NewGuid():N}.{format}");
        try
        {
            Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", format, "--out", first], TextWriter.Null, TextWriter.Null));
            Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", format, "--out", second], TextWriter.Null, TextWriter.Null));
            Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));

            var text = await File.ReadAllTextAsync(first);
            var services = format == "json"
                ? JsonNode.Parse(text)!.AsArray().ToList()
                : text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)).ToList();
            var ids = services.Select(s => s!["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

            var total = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openreferral/services?per_page=1"))!["total_items"]!.GetValue<int>();
            Assert.Equal(total, services.Count);
            Assert.All(services, s =>
            {
                FeedAssert.HasNoNulls(s, "export");
                OrukSchemas.AssertValid("service", s);
            });

            // The export says what the feed says.
            var fromFeed = await api.CreateClient().GetStringAsync($"/openreferral/services/{ids[0]}");
            Assert.Equal(JsonNode.Parse(fromFeed)!.ToJsonString(), services[0]!.ToJsonString());
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task TheExportRefusesToReplaceAFileUnlessForced()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = new StringWriter();
            Assert.Equal(1, await ExportCommand.RunAsync(api.Services, ["--format", "json", "--out", file], TextWriter.Null, error));
            Assert.Contains("--force", error.ToString());
            Assert.Equal(2, await ExportCommand.RunAsync(api.Services, ["--format", "csv", "--out", file], TextWriter.Null, TextWriter.Null));
            Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", "json", "--out", file, "--force"], TextWriter.Null, TextWriter.Null));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
