using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Signpost.OpenReferral.Export;
using Signpost.Tests.Infrastructure;
using static Signpost.Tests.Infrastructure.ImportRunner;

namespace Signpost.Tests;

/// <summary>
/// What the importer keeps beyond the service itself (its organisation's phones and contacts, its
/// locations' phones, languages and schedules, its attributes' values), what it reports it cannot
/// keep, and that all it keeps comes back out of the feed and the export.
/// </summary>
public sealed class OpenReferralImportKeepsTests
{
    private const string CounsellingId = "ac148810-d857-441c-9679-408f346de14b";
    private static readonly Guid Counselling = Guid.Parse(CounsellingId);

    [Fact]
    public async Task OrganisationAndLocationRecordsAreImportedAndServedBackThroughTheFeed()
    {
        using var api = new EmptyDirectoryFactory();
        var run = await api.ImportAsync(DataFile("hsds-3.0-examples", "service_full.json"), "--name", "hsds");
        Assert.True(run.Exit == 0, run.ToString());
        var source = JsonNode.Parse(await File.ReadAllTextAsync(DataFile("hsds-3.0-examples", "service_full.json")))!;
        var sourceOrganization = source["organization"]!;
        var sourceLocation = source["service_at_locations"]![0]!["location"]!;

        var http = api.CreateClient();
        var served = (await http.GetFeedAsync($"/openreferral/services/{CounsellingId}"))!;
        OrukSchemas.AssertValid("service", served);
        var organization = served["organization"]!;
        Assert.Equal(Numbers(sourceOrganization["phones"]), Numbers(organization["phones"]));
        Assert.Equal(Names(sourceOrganization["contacts"]), Names(organization["contacts"]));
        Assert.Equal(Numbers(sourceOrganization["contacts"]![0]!["phones"]), Numbers(organization["contacts"]![0]!["phones"]));
        Assert.All(organization["phones"]!.AsArray(), p => Assert.Equal((string)organization["id"]!, (string)p!["organization_id"]!));

        var location = served["service_at_locations"]![0]!["location"]!;
        Assert.Equal(Numbers(sourceLocation["phones"]), Numbers(location["phones"]));
        Assert.Equal(Names(sourceLocation["languages"]), Names(location["languages"]));
        Assert.Equal(
            sourceLocation["schedules"]!.AsArray().Select(s => ((string?)s!["byday"], ((string)s["opens_at"]!)[..5])),
            location["schedules"]!.AsArray().Select(s => ((string?)s!["byday"], (string)s["opens_at"]!)));

        // The attribute's own type and value are kept with its term.
        var attribute = served["attributes"]![0]!;
        Assert.Equal((string?)source["attributes"]![0]!["value"], (string?)attribute["value"]);
        Assert.Equal((string?)source["attributes"]![0]!["link_type"], (string?)attribute["link_type"]);

        // The organisation on its own says the same, with the service it runs.
        var alone = (await http.GetFeedAsync($"/openreferral/organizations/{organization["id"]}"))!;
        OrukSchemas.AssertValid("organization", alone);
        Assert.Equal(Numbers(organization["phones"]), Numbers(alone["phones"]));
        Assert.Equal(Names(organization["contacts"]), Names(alone["contacts"]));
        Assert.Equal([CounsellingId], alone["services"]!.AsArray().Select(s => (string)s!["id"]!));

        // Stored as the model holds them: owned by the organisation or the location, not the service.
        var organizationId = Guid.Parse((string)organization["id"]!);
        var locationId = Guid.Parse((string)location["id"]!);
        Assert.Equal(1, await api.QueryAsync(db => db.Phones.CountAsync(p => p.OrganizationId == organizationId)));
        Assert.Equal(1, await api.QueryAsync(db => db.Contacts.CountAsync(c => c.OrganizationId == organizationId && c.ServiceId == null)));
        Assert.Equal(1, await api.QueryAsync(db => db.Languages.CountAsync(l => l.LocationId == locationId && l.ServiceId == null)));
        Assert.Equal(1, await api.QueryAsync(db => db.Schedules.CountAsync(s => s.LocationId == locationId && s.ServiceId == null)));
    }

    [Fact]
    public async Task WhatTheModelHasNoPlaceForIsReportedOncePerRecordAndTheRestImported()
    {
        using var api = new EmptyDirectoryFactory();
        var run = await api.ImportAsync(DataFile("hsds-3.0-examples", "service_full.json"), "--name", "hsds");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 created", run.Output);

        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("not kept: ", StringComparison.Ordinal));
        Assert.EndsWith($"({CounsellingId}: service_full.json: services[0])", line.TrimEnd());
        var paths = line["not kept: ".Length..line.LastIndexOf(" (", StringComparison.Ordinal)].Split(", ");
        Assert.Equal(paths.Distinct(), paths);
        foreach (var path in new[]
        {
            "funding", "program", "required_documents", "metadata", "wait_time", "organization.funding", "organization.programs",
            "organization.organization_identifiers", "organization.tax_status", "service_at_locations.location.contacts",
            "phones.languages", "schedules.timezone", "service_at_locations.schedules",
        })
        {
            Assert.Contains(path, paths);
        }

        // What is kept is never reported.
        foreach (var kept in new[]
        {
            "organization.phones", "organization.contacts", "service_at_locations.location.phones", "service_at_locations.location.languages",
            "service_at_locations.location.schedules", "attributes", "attributes.value", "contacts", "organization.locations",
        })
        {
            Assert.DoesNotContain(kept, paths);
        }

        Assert.Contains("1 services had fields Signpost has no place for", run.Output);
        Assert.Contains("  organization.funding  (1)", run.Output);
        Assert.Contains("1 with fields not kept", run.Output);

        // The CSV package's tables are assembled with their funding, programs and documents, so it reports them too.
        using var fromCsv = new EmptyDirectoryFactory();
        var csv = await fromCsv.ImportAsync(DataFile("hsds-3.0-examples", "csv"), "--name", "hsds-csv");
        Assert.True(csv.Exit == 0, csv.ToString());
        var csvLine = Assert.Single(csv.Error.Split('\n'), l => l.StartsWith("not kept: ", StringComparison.Ordinal));
        foreach (var path in new[] { "funding", "program", "required_documents", "organization.funding", "organization.programs", "service_at_locations.location.contacts" })
        {
            Assert.Contains(path, csvLine["not kept: ".Length..].Split(", ", StringSplitOptions.TrimEntries));
        }
    }

    [Fact]
    public async Task AChangedOrganisationPhoneOrLocationScheduleIsAnAuditedUpdateAndTheOldOnesGo()
    {
        using var api = new EmptyDirectoryFactory();
        Assert.Equal(0, (await api.ImportAsync(DataFile("dfe-family-hubs", "Service_Clean.json"), "--name", "dfe")).Exit);
        var organizationId = await api.QueryAsync(db => db.Services.Where(s => s.Id == Counselling).Select(s => s.OrganizationId).SingleAsync());

        var changed = OpenReferralImportTests.WithChanges(DataFile("dfe-family-hubs", "Service_Clean.json"), s =>
        {
            s["organization"]!["phones"]![0]!["number"] = "01632 960 123";
            s["organization"]!["contacts"]!.AsArray().Clear();
            s["service_at_locations"]![0]!["location"]!["schedules"]![0]!["opens_at"] = "09:30";
            s["service_at_locations"]![0]!["location"]!["languages"]![0]!["name"] = "Polish";
        });
        var run = await api.ImportAsync(changed, "--name", "dfe");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 updated", run.Output);

        var update = await api.QueryAsync(db => db.AuditEntries.Where(a => a.ServiceId == Counselling && a.Action == "updated").SingleAsync());
        Assert.Contains(update.Changes, c => c.Field == "organization.phones[0].number" && c.NewValue == "01632 960 123");
        Assert.Contains(update.Changes, c => c.Field == "organization.contacts[0].name" && c.NewValue is null);
        Assert.Contains(update.Changes, c => c.Field == "locations[0].schedules[0].opensAt" && c.OldValue == "10:00" && c.NewValue == "09:30");
        Assert.Contains(update.Changes, c => c.Field == "locations[0].languages[0].name" && c.NewValue == "Polish");

        Assert.Equal(["01632 960 123"], await api.QueryAsync(db => db.Phones.Where(p => p.OrganizationId == organizationId).Select(p => p.Number).ToListAsync()));
        Assert.Equal(0, await api.QueryAsync(db => db.Contacts.CountAsync(c => c.OrganizationId == organizationId)));
        Assert.Equal(["09:30"], await api.QueryAsync(db => db.Schedules.Where(s => s.LocationId != null).Select(s => s.OpensAt).ToListAsync()));

        var again = await api.ImportAsync(changed, "--name", "dfe");
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("0 created, 0 updated, 1 unchanged", again.Output);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("datapackage")]
    public async Task AnImportedHsdsServiceExportsAndImportsIntoAnotherDirectoryUnchanged(string format)
    {
        var folder = Directory.CreateTempSubdirectory("signpost-keeps-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.json");
            var package = Path.Combine(folder, "package");
            var second = Path.Combine(folder, "second.json");
            using (var source = new EmptyDirectoryFactory())
            {
                Assert.Equal(0, (await source.ImportAsync(DataFile("hsds-3.0-examples", "service_full.json"), "--name", "hsds")).Exit);
                Assert.Equal(0, await ExportCommand.RunAsync(source.Services, ["--format", "json", "--out", first], TextWriter.Null, TextWriter.Null));
                Assert.Equal(0, await ExportCommand.RunAsync(source.Services, ["--format", "datapackage", "--out", package], TextWriter.Null, TextWriter.Null));
            }

            using var target = new EmptyDirectoryFactory();
            var run = await target.ImportAsync(format == "json" ? first : package, "--name", "signpost");
            Assert.True(run.Exit == 0, run.ToString());
            Assert.DoesNotContain("not kept", run.Error); // Signpost writes nothing it cannot read back
            Assert.Equal(0, await ExportCommand.RunAsync(target.Services, ["--format", "json", "--out", second], TextWriter.Null, TextWriter.Null));

            var expected = JsonNode.Parse(await File.ReadAllTextAsync(first))!.AsArray();
            var actual = JsonNode.Parse(await File.ReadAllTextAsync(second))!.AsArray();
            foreach (var service in expected.Concat(actual))
            {
                service!.AsObject().Remove("last_modified"); // when it changed in the directory serving it
            }

            Assert.NotEmpty(expected[0]!["organization"]!["contacts"]!.AsArray());
            Assert.NotEmpty(expected[0]!["service_at_locations"]![0]!["location"]!["schedules"]!.AsArray());
            Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string?> Numbers(JsonNode? phones) => phones!.AsArray().Select(p => ((string?)p!["number"])?.Trim('"')).ToList();

    private static List<string?> Names(JsonNode? records) => records!.AsArray().Select(r => (string?)r!["name"]).ToList();
}
