using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Signpost.Services;
using Signpost.Tests.Infrastructure;
using static Signpost.Tests.Infrastructure.ImportRunner;

namespace Signpost.Tests;

public sealed class OpenReferralImportTests
{
    private const string CounsellingId = "ac148810-d857-441c-9679-408f346de14b";
    private static readonly Guid Counselling = Guid.Parse(CounsellingId);

    [Fact]
    public async Task TheHsdsJsonExamplesImportCleanlyAndAreFoundThroughGraphQL()
    {
        using var api = new EmptyDirectoryFactory();
        var full = await api.ImportAsync(DataFile("hsds-3.0-examples", "service_full.json"), "--name", "hsds");
        Assert.True(full.Exit == 0, full.ToString());
        Assert.Contains("1 created", full.Output);

        var list = await api.ImportAsync(DataFile("hsds-3.0-examples", "service_list.json"), "--name", "hsds");
        Assert.True(list.Exit == 0, list.ToString());

        await AssertFoundAsync(api);
    }

    [Fact]
    public async Task TheHsdsCsvDataPackageImportsCleanlyAndIsFoundThroughGraphQL()
    {
        using var api = new EmptyDirectoryFactory();
        var run = await api.ImportAsync(DataFile("hsds-3.0-examples", "csv"), "--name", "hsds-csv");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 created", run.Output);
        await AssertFoundAsync(api);

        // Assembled from the tables: the phone, the contact and the location came from their own CSVs.
        var service = await api.QueryAsync(db => db.Services.Include(s => s.Phones).Include(s => s.Contacts).Include(s => s.ServiceAtLocations).SingleAsync());
        Assert.Contains(service.Phones, p => p.Number == "+44 1234 234567");
        Assert.Contains(service.Contacts, c => c.Name == "Ann Persona");
        Assert.NotEmpty(service.ServiceAtLocations);
    }

    [Fact]
    public async Task DfeServicesUpsertByIdWithAuditedChangesAndRemovedContactsGone()
    {
        using var api = new EmptyDirectoryFactory();
        Assert.Equal(0, (await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean.json"), "--name", "dfe")).Exit);
        var contactsBefore = await ContactsAsync(api);

        var modified = await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean_Modified.json"), "--name", "dfe");
        Assert.True(modified.Exit == 0, modified.ToString());
        Assert.Contains("1 updated", modified.Output);
        var service = await api.QueryAsync(db => db.Services.Include(s => s.Organization).SingleAsync(s => s.Id == Counselling));
        Assert.Equal("Community Counselling changed", service.Name);
        Assert.Equal("Example Organization Inc. changed", service.Organization!.Name);
        Assert.Equal(2, service.Version);
        var update = await api.QueryAsync(db => db.AuditEntries.Where(a => a.ServiceId == Counselling && a.Action == "updated").SingleAsync());
        Assert.Equal("import:dfe", update.Actor);
        Assert.Equal(2, update.Version);
        Assert.Contains(update.Changes, c => c.Field == "name" && c.OldValue == "Community Counselling" && c.NewValue == "Community Counselling changed");
        Assert.Contains(update.Changes, c => c.Field == "organization.name" && c.NewValue == "Example Organization Inc. changed");

        var lessContact = await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean_One_Less_Contact.json"), "--name", "dfe");
        Assert.True(lessContact.Exit == 0, lessContact.ToString());
        var contactsAfter = await ContactsAsync(api);
        Assert.Equal(contactsBefore.Count - 1, contactsAfter.Count);
        var removal = await api.QueryAsync(db => db.AuditEntries.Where(a => a.ServiceId == Counselling).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(3, removal.Version);
        Assert.Contains(removal.Changes, c => c.Field.StartsWith("contacts[", StringComparison.Ordinal) && c.Field.EndsWith(".name", StringComparison.Ordinal) && c.NewValue is null);

        var html = await api.ImportAsync(DataFile("dfe-family-hubs", "Service_with_html_and_javascript.json"), "--name", "dfe");
        Assert.True(html.Exit == 0, html.ToString());
        var stored = await api.QueryAsync(db => db.Services.SingleAsync(s => s.Id == Counselling));
        Assert.StartsWith("Counselling Services provided by trained professionals.", stored.Description);
        foreach (var text in new[] { stored.Name, stored.Description, stored.FeesDescription, stored.ApplicationProcess, stored.Alert })
        {
            Assert.DoesNotContain("<", text ?? "");
            Assert.DoesNotContain("javascript:", text ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task HtmlInTextIsStoredAsPlainTextWithParagraphsAndWithoutScripts()
    {
        using var api = new EmptyDirectoryFactory();
        var file = WithChanges(DataFile("dfe-family-hubs", "Service_Clean.json"), s =>
            s["description"] = "<p>First <b>paragraph</b>.</p><script>alert('x')</script><p>Second&nbsp;one<br>next line</p><style>p{}</style>");
        Assert.Equal(0, (await api.ImportAsync(file, "--name", "html")).Exit);
        var stored = await api.QueryAsync(db => db.Services.SingleAsync());
        Assert.Equal("First paragraph.\n\nSecond one\nnext line", stored.Description);
    }

    [Fact]
    public async Task ImportingTheSameSourceTwiceChangesNothingTheSecondTime()
    {
        using var api = new EmptyDirectoryFactory();
        Assert.Equal(0, (await api.ImportAsync(DataFile("hsds-3.0-examples", "csv"), "--name", "hsds")).Exit);
        var audit = await api.QueryAsync(db => db.AuditEntries.CountAsync());
        var versions = await api.QueryAsync(db => db.Services.Select(s => new { s.Id, s.Version, s.LastModified }).ToListAsync());

        var again = await api.ImportAsync(DataFile("hsds-3.0-examples", "csv"), "--name", "hsds");
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("0 created, 0 updated, 1 unchanged", again.Output);
        Assert.Equal(audit, await api.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(versions, await api.QueryAsync(db => db.Services.Select(s => new { s.Id, s.Version, s.LastModified }).ToListAsync()));
    }

    [Fact]
    public async Task SyncArchivesServicesGoneFromTheSourceWithoutDeletingThem()
    {
        using var api = new EmptyDirectoryFactory();
        var other = Guid.NewGuid();
        var folder = Directory.CreateTempSubdirectory("signpost-import-").FullName;
        File.Copy(DataFile("dfe-family-hubs", "Service_Clean.json"), Path.Combine(folder, "a.json"));
        File.Copy(WithChanges(DataFile("dfe-family-hubs", "Service_Clean.json"), s => { s["id"] = other.ToString(); s["name"] = "Second service"; }), Path.Combine(folder, "b.json"));
        Assert.Equal(0, (await api.ImportAsync(folder, "--name", "council")).Exit);
        Assert.Equal(2, await api.ServiceCountAsync());

        File.Delete(Path.Combine(folder, "b.json"));
        var sync = await api.ImportAsync(folder, "--name", "council", "--sync");
        Assert.True(sync.Exit == 0, sync.ToString());
        Assert.Contains("1 unchanged, 1 archived", sync.Output);

        var archived = await api.QueryAsync(db => db.Services.SingleAsync(s => s.Id == other));
        Assert.Equal(ServiceStatus.Inactive, archived.Status);
        Assert.Equal(2, archived.Version);
        var entry = await api.QueryAsync(db => db.AuditEntries.Where(a => a.ServiceId == other).OrderBy(a => a.Id).LastAsync());
        Assert.Equal(("import:council", "archived"), (entry.Actor, entry.Action));
        Assert.Equal(ServiceStatus.Active, (await api.QueryAsync(db => db.Services.SingleAsync(s => s.Id == Counselling))).Status);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheValidatorsFailMocksAreSkippedRecordByRecordWithReasonsAndTheDefaultMocksImport()
    {
        using var api = new EmptyDirectoryFactory();
        var fail = await api.ImportAsync(DataFile("oruk-validator-mocks", "V3.0-UK-Fail"), "--name", "fail");
        Assert.Equal(1, fail.Exit);
        Assert.Contains("url: must be a web address", fail.Error);
        Assert.Contains("name: is required", fail.Error);
        Assert.Contains("email: must be text", fail.Error);
        Assert.Contains("0 created, 0 updated, 0 unchanged, 0 archived, 3 skipped", fail.Output);
        Assert.Equal(0, await api.ServiceCountAsync());

        var passing = await api.ImportAsync(DataFile("oruk-validator-mocks", "V3.0-UK-Default"), "--name", "default");
        Assert.True(passing.Exit == 0, passing.ToString());
        Assert.Equal(1, await api.ServiceCountAsync());
    }

    [Fact]
    public async Task AMappingFileMakesImportedServicesFindableByCategoryAndUnmappedTermsAreReported()
    {
        using var api = new DirectoryApiFactory();
        var unmapped = await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean.json"), "--name", "dfe", "--dry-run");
        Assert.Contains("1 source taxonomy terms are not mapped", unmapped.Output);
        Assert.Contains("3f7b145d-84af-42d7-8fae-eaca714b02b2", unmapped.Output);
        Assert.Equal(366, await api.ServiceCountAsync()); // a dry run saves nothing

        var mapping = Path.GetTempFileName();
        await File.WriteAllTextAsync(mapping, """{ "3f7b145d-84af-42d7-8fae-eaca714b02b2": "talking-therapies" }""");
        var run = await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean.json"), "--name", "dfe", "--mapping", mapping);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain("not mapped", run.Output);

        var client = new GraphQLClient(api.CreateClient());
        var categories = (await client.PostAsync("{ categories { children { id code } } }")).DataOrFail();
        var talking = categories["categories"]!.AsArray().SelectMany(c => c!["children"]!.AsArray()).Single(c => (string?)c!["code"] == "talking-therapies")!["id"]!.GetValue<string>();
        var found = (await client.PostAsync("query($c: [ID!]) { services(categories: $c, text: \"MyCity\") { edges { node { id name } } } }", new { c = new[] { talking } })).DataOrFail();
        Assert.Contains(found["services"]!["edges"]!.AsArray(), e => (string?)e!["node"]!["name"] == "Community Counselling");

        // The source's own taxonomy is kept with the service, not offered as a need.
        Assert.DoesNotContain(categories["categories"]!.AsArray(), c => c!["children"]!.AsArray().Any(x => (string?)x!["code"] == "code"));
        File.Delete(mapping);
    }

    private static async Task AssertFoundAsync(DirectoryApiFactory api)
    {
        var client = new GraphQLClient(api.CreateClient());
        var byId = (await client.PostAsync($$"""{ service(id: "{{CounsellingId}}") { name organization { name } } }""")).DataOrFail();
        Assert.Equal("Community Counselling", (string?)byId["service"]!["name"]);
        var byText = (await client.PostAsync("""{ services(text: "counselling") { totalCount edges { node { id } } } }""")).DataOrFail();
        Assert.Contains(byText["services"]!["edges"]!.AsArray(), e => (string?)e!["node"]!["id"] == CounsellingId);

        // And it comes back out through the feed, valid against the official schema.
        var served = System.Text.Json.Nodes.JsonNode.Parse(await api.CreateClient().GetStringAsync($"/openreferral/services/{CounsellingId}"));
        OrukSchemas.AssertValid("service", served);
    }

    private static Task<List<string?>> ContactsAsync(DirectoryApiFactory api) =>
        api.QueryAsync(db => db.Contacts.Where(c => c.ServiceId == Counselling).Select(c => c.Name).ToListAsync());

    /// <summary>A copy of an HSDS JSON file, changed.</summary>
    internal static string WithChanges(string file, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        change(json);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("signpost-import-").FullName, "service.json");
        File.WriteAllText(copy, json.ToJsonString());
        return copy;
    }
}
