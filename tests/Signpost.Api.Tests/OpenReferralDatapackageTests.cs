using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using Signpost.OpenReferral.Export;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary><c>export --format datapackage</c>: an HSDS 3.0 Tabular Data Package of the public directory.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class OpenReferralDatapackageTests(ModeratedDirectoryFactory api) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-datapackage-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The official HSDS 3.0 descriptor in the shared folder, not the API's copy of it.</summary>
    private static JsonObject Official() => JsonNode.Parse(File.ReadAllText(
        Path.Combine(OrukSchemas.Folder, "..", "datasets", "hsds-3.0-examples", "csv", "datapackage.json")))!.AsObject();

    private async Task<string> ExportAsync(string name, string format = "datapackage")
    {
        var path = Path.Combine(_root, name);
        var error = new StringWriter();
        Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", format, "--out", path], TextWriter.Null, error));
        Assert.Equal("", error.ToString());
        return path;
    }

    /// <summary>Every record of a CSV file, read with CsvHelper as RFC 4180: header, then rows.</summary>
    private static (IReadOnlyList<string> Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (reader.Headers.ToList(), rows);
    }

    [Fact]
    public async Task TheDescriptorIsValidJsonListingEveryCsvWithTheOfficialNamesFieldsAndOrder()
    {
        var folder = await ExportAsync("package");
        var descriptor = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "datapackage.json")))!.AsObject();
        Assert.Equal("tabular-data-package", descriptor["profile"]!.GetValue<string>());

        var official = Official()["resources"]!.AsArray();
        var written = descriptor["resources"]!.AsArray();
        // Every official resource, in the official order, with its schema copied unchanged.
        Assert.Equal(official.Select(r => (string)r!["name"]!), written.Select(r => (string)r!["name"]!));
        Assert.All(official.Zip(written), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), (string)pair.First!["name"]!));

        // The folder holds exactly the descriptor and the CSVs it lists.
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(written.Select(r => (string)r!["path"]!).Append("datapackage.json").Order(StringComparer.Ordinal), files);

        foreach (var resource in written)
        {
            var path = Path.Combine(folder, (string)resource!["path"]!);
            var fields = resource["schema"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{path} starts with a byte order mark");
            // The header line is exactly the official field names, comma separated, ending CRLF.
            Assert.StartsWith(string.Join(',', fields) + "\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            var (header, rows) = ReadCsv(path);
            Assert.Equal(fields, header);
            Assert.All(rows, row => Assert.Equal(fields.Count, row.Length));
            var ids = rows.Select(r => r[0]).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public async Task EachTableHasTheRowsOfTheJsonExport()
    {
        var folder = await ExportAsync("package");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(await ExportAsync("services.json", "json")))!.AsArray().Select(s => s!).ToList();

        IEnumerable<JsonNode> All(IEnumerable<JsonNode?> nodes, string list) => nodes.SelectMany(n => n?[list]?.AsArray() ?? []).Select(n => n!);
        var links = All(json, "service_at_locations").ToList();
        var locations = links.Select(l => l["location"]).Where(l => l is not null).ToList();
        var organizations = json.Select(s => s["organization"]).ToList();
        var contacts = All(json, "contacts").Concat(All(organizations, "contacts")).ToList();
        var expected = new Dictionary<string, IEnumerable<JsonNode?>>
        {
            ["services.csv"] = json,
            ["organizations.csv"] = organizations,
            ["service_at_location.csv"] = links,
            ["locations.csv"] = locations,
            ["addresses.csv"] = All(locations, "addresses"),
            ["accessibility.csv"] = All(locations, "accessibility"),
            ["phones.csv"] = All(json, "phones").Concat(All(organizations, "phones")).Concat(All(locations, "phones")).Concat(All(contacts, "phones")),
            ["contacts.csv"] = contacts,
            ["schedules.csv"] = All(json, "schedules").Concat(All(locations, "schedules")),
            ["service_areas.csv"] = All(json, "service_areas"),
            ["cost_options.csv"] = All(json, "cost_options"),
            ["languages.csv"] = All(json, "languages").Concat(All(locations, "languages")),
            ["attributes.csv"] = All(json, "attributes"),
        };

        foreach (var (file, records) in expected)
        {
            var ids = records.Where(r => r is not null).Select(r => r!["id"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(file is "contacts.csv" || ids.Count > 0, $"the seeded directory has no {file} to compare");
            Assert.Equal(ids, ReadCsv(Path.Combine(folder, file)).Rows.Select(r => r[0]).ToList());
        }

        // Services in the same order as the JSON export, with the same values.
        var services = ReadCsv(Path.Combine(folder, "services.csv"));
        Assert.Equal(json.Select(s => s["id"]!.GetValue<string>()), services.Rows.Select(r => r[0]));
        var first = services.Rows[0];
        Assert.Equal(json[0]["name"]!.GetValue<string>(), first[services.Header.ToList().IndexOf("name")]);
        Assert.Equal(json[0]["organization_id"]!.GetValue<string>(), first[services.Header.ToList().IndexOf("organization_id")]);

        // The whole taxonomy, as the feed lists it, so every attribute's term is there.
        var feed = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openreferral/taxonomy_terms?per_page=1"))!;
        var terms = ReadCsv(Path.Combine(folder, "taxonomy_terms.csv")).Rows.Select(r => r[0]).ToHashSet();
        Assert.Equal(feed["total_items"]!.GetValue<int>(), terms.Count);
        Assert.All(All(json, "attributes"), a => Assert.Contains(a["taxonomy_term_id"]!.GetValue<string>(), terms));
    }

    [Fact]
    public async Task TwoRunsGiveTheSameBytes()
    {
        var first = await ExportAsync("first");
        var second = await ExportAsync("second");
        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(first, name!));
            var b = await File.ReadAllBytesAsync(Path.Combine(second, name!));
            Assert.True(a.AsSpan().SequenceEqual(b), name);
        }
    }

    [Fact]
    public async Task APendingSubmissionNeverAppears()
    {
        const string name = "Datapackage check sewing bee";
        const string organization = "Datapackage Check Parish Trust";
        var input = Listings.KnitAndNatter(name).With("organization", new { name = organization });
        (await api.Anonymous().RunAsync("SubmitListing", new { input })).DataOrFail();

        var folder = await ExportAsync("package");
        foreach (var file in Directory.GetFiles(folder))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(name, text);
            Assert.DoesNotContain(organization, text);
            Assert.DoesNotContain("pat.private@example.org", text);
        }
    }

    [Fact]
    public async Task CommasQuotesAndLineBreaksRoundTripThroughACsvReader()
    {
        var name = $"Tea, \"chat\" and knit {Guid.NewGuid():N}"[..40];
        var description = "Line one, with a comma.\nLine two says \"hello\".\r\nLine three: café – ünïcode.";
        var input = Listings.KnitAndNatter(name).With("description", description)
            .With("organization", new { name = "Quote \"Marks\", Commas & Co" });
        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input })).DataOrFail()["submitListing"]!;
        var moderator = await api.ClientAsync("maya");
        var item = await SubmissionTests.QueueItemAsync(moderator, receipt["reference"]!.GetValue<string>());
        var approved = (await moderator.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } })).DataOrFail();
        var id = approved["approveSubmission"]!["service"]!["id"]!.GetValue<string>();

        // What the feed says is what the CSV must read back as; the values really are awkward.
        var fromFeed = JsonNode.Parse(await api.CreateClient().GetStringAsync($"/openreferral/services/{id}"))!;
        var feedName = fromFeed["name"]!.GetValue<string>();
        var feedDescription = fromFeed["description"]!.GetValue<string>();
        Assert.Contains(',', feedName);
        Assert.Contains('"', feedName);
        Assert.Contains('\n', feedDescription);
        Assert.Contains('"', feedDescription);

        var folder = await ExportAsync("package");
        var (header, rows) = ReadCsv(Path.Combine(folder, "services.csv"));
        var row = Assert.Single(rows, r => r[0] == id);
        Assert.Equal(feedName, row[header.ToList().IndexOf("name")]);
        Assert.Equal(feedDescription, row[header.ToList().IndexOf("description")]);

        var organizations = ReadCsv(Path.Combine(folder, "organizations.csv"));
        var organization = Assert.Single(organizations.Rows, r => r[0] == fromFeed["organization"]!["id"]!.GetValue<string>());
        Assert.Equal(fromFeed["organization"]!["name"]!.GetValue<string>(), organization[1]);
        Assert.Contains("\"", organization[1]);
    }

    [Fact]
    public async Task AnExistingFolderIsReplacedOnlyWithForce()
    {
        var folder = Path.Combine(_root, "package");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "old.txt"), "from before");

        var error = new StringWriter();
        Assert.Equal(1, await ExportCommand.RunAsync(api.Services, ["--format", "datapackage", "--out", folder], TextWriter.Null, error));
        Assert.Contains("--force", error.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "old.txt")));

        Assert.Equal(0, await ExportCommand.RunAsync(api.Services, ["--format", "datapackage", "--out", folder, "--force"], TextWriter.Null, TextWriter.Null));
        Assert.False(File.Exists(Path.Combine(folder, "old.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "datapackage.json")));
        // Nothing is left beside it: no partial or replaced folder, no spilled rows.
        Assert.Equal(new[] { folder }, Directory.GetDirectories(_root));
        Assert.Empty(Directory.GetDirectories(folder));
    }
}
