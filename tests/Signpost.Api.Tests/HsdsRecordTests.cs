using System.Text.Json;
using Signpost.OpenReferral.Hsds;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>The HSDS records read the official examples, and write what the schemas accept.</summary>
public sealed class HsdsRecordTests
{
    private static string Example(string folder, string file) =>
        File.ReadAllText(Path.Combine(OrukSchemas.Folder, "..", "datasets", folder, file));

    [Theory]
    [InlineData("hsds-3.0-examples")]
    [InlineData("oruk-3.0-examples")]
    public void TheOfficialFullServiceReadsAndWritesBackValid(string folder)
    {
        var service = JsonSerializer.Deserialize<HsdsService>(Example(folder, "service_full.json"), HsdsJson.Options)!;
        Assert.NotEqual(Guid.Empty, service.Id);
        Assert.NotEmpty(service.Name);
        Assert.NotNull(service.Organization);

        var written = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(service, HsdsJson.Options));
        FeedAssert.HasNoNulls(written, folder);
        OrukSchemas.AssertValid("service", written);
    }

    [Fact]
    public void AValueOfTheWrongTypeIsAJsonExceptionWithItsPath()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<HsdsService>("""{"id":"ac148810-d857-441c-9679-408f346de14b","name":"x","status":"active","schedules":[{"id":"ac148810-d857-441c-9679-408f346de14b","interval":"weekly"}]}""", HsdsJson.Options));
        Assert.Equal("$.schedules[0].interval", error.Path);
    }
}
