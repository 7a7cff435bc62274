using System.Net;
using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>The ORUK 3.0 feed through HTTP, every body checked against the official schemas.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class OpenReferralFeedTests(DirectoryApiFactory api)
{
    /// <summary>Longer than a search may be (200 characters).</summary>
    private const string TooLong = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";

    private readonly HttpClient _http = api.CreateClient();

    [Fact]
    public async Task TheRootNamesTheVersionTheUkProfileAndOurOwnOpenApiDocument()
    {
        var root = await GetAsync("/openreferral/");
        OrukSchemas.AssertValid("api_details", root);
        Assert.Equal("3.0", root!["version"]!.GetValue<string>());
        Assert.StartsWith("https://", root["profile"]!.GetValue<string>());

        var openApiUrl = new Uri(root["openapi_url"]!.GetValue<string>());
        Assert.True(openApiUrl.IsAbsoluteUri);
        var document = await GetAsync(openApiUrl.PathAndQuery);
        Assert.Equal("http://localhost/openreferral", document!["servers"]![0]!["url"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/services/{id}"]);
        Assert.Contains("BSD 3-Clause", document["info"]!["x-source"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryPageOfServicesIsValidAndThePagesAddUpToTheTotal()
    {
        var first = await GetAsync("/openreferral/services?per_page=100");
        var total = first!["total_items"]!.GetValue<int>();
        var pages = first["total_pages"]!.GetValue<int>();
        Assert.True(total > 300, $"the seed has over 300 listed services, got {total}");
        Assert.Equal((total + 99) / 100, pages);

        var ids = new HashSet<string>();
        for (var number = 1; number <= pages; number++)
        {
            var page = await GetAsync($"/openreferral/services?per_page=100&page={number}");
            OrukSchemas.AssertValid("service_list", page);
            Assert.Equal(total, page!["total_items"]!.GetValue<int>());
            Assert.Equal(pages, page["total_pages"]!.GetValue<int>());
            Assert.Equal(number, page["page_number"]!.GetValue<int>());
            Assert.Equal(number == 1, page["first_page"]!.GetValue<bool>());
            Assert.Equal(number == pages, page["last_page"]!.GetValue<bool>());
            var contents = page["contents"]!.AsArray();
            Assert.Equal(contents.Count, page["size"]!.GetValue<int>());
            Assert.Equal(number < pages ? 100 : total - (100 * (pages - 1)), contents.Count);
            Assert.False(page["empty"]!.GetValue<bool>());
            foreach (var service in contents)
            {
                Assert.True(ids.Add(service!["id"]!.GetValue<string>()), "no service appears on two pages");
                Assert.Contains(service["status"]!.GetValue<string>(), new[] { "active", "temporarily closed" });
            }
        }

        Assert.Equal(total, ids.Count);

        var past = await GetAsync($"/openreferral/services?per_page=100&page={pages + 1}");
        OrukSchemas.AssertValid("service_list", past);
        Assert.True(past!["empty"]!.GetValue<bool>());
        Assert.Equal(total, past["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task AServiceByIdIsFullyNestedAndValid()
    {
        var ids = await ServiceIdsAsync("/openreferral/services?per_page=200");
        foreach (var id in ids.Take(40))
        {
            var service = await GetAsync($"/openreferral/services/{id}");
            OrukSchemas.AssertValid("service", service);
            Assert.Equal(id, service!["id"]!.GetValue<string>());
            Assert.NotNull(service["organization"]!["name"]);
            Assert.NotNull(service["service_at_locations"]);
            Assert.NotNull(service["attributes"]);
        }

        var withLocation = (await GetAsync("/openreferral/services?per_page=50&postcode=EX10&proximity=2000"))!["contents"]![0]!;
        var location = withLocation["service_at_locations"]![0]!["location"]!;
        Assert.NotNull(location["addresses"]![0]!["postal_code"]);
        Assert.NotNull(location["latitude"]);
        Assert.NotNull(withLocation["attributes"]![0]!["taxonomy_term"]!["name"]);
    }

    [Theory]
    [InlineData("organizations", "organization")]
    [InlineData("taxonomies", "taxonomy")]
    [InlineData("taxonomy_terms", "taxonomy_term")]
    [InlineData("service_at_locations", "service_at_location")]
    public async Task EachOptionalListAndItsRecordsAreValid(string path, string schema)
    {
        var page = await GetAsync($"/openreferral/{path}?per_page=5");
        OrukSchemas.AssertValid($"{schema}_list", page);
        var contents = page!["contents"]!.AsArray();
        Assert.NotEmpty(contents);
        Assert.Equal(Math.Min(5, page["total_items"]!.GetValue<int>()), contents.Count);

        foreach (var item in contents)
        {
            var id = item!["id"]!.GetValue<string>();
            var record = await GetAsync($"/openreferral/{path}/{id}");
            OrukSchemas.AssertValid(schema, record);
            Assert.Equal(id, record!["id"]!.GetValue<string>());
        }

        var lines = await LinesAsync($"/openreferral/{path}?format=ndjson");
        Assert.Equal(page["total_items"]!.GetValue<int>(), lines.Count);
        Assert.All(lines, line => OrukSchemas.AssertValid(schema, line));
    }

    [Fact]
    public async Task NdjsonStreamsEveryMatchingServiceWithoutPaging()
    {
        var response = await _http.GetAsync("/openreferral/services?format=ndjson");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);

        var lines = await LinesAsync("/openreferral/services?format=ndjson");
        var total = (await GetAsync("/openreferral/services"))!["total_items"]!.GetValue<int>();
        Assert.Equal(total, lines.Count);
        Assert.Equal(total, lines.Select(l => l!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(lines.Take(50), line => OrukSchemas.AssertValid("service", line));

        var filtered = await LinesAsync("/openreferral/services?format=ndjson&search=bereavement&postcode=EX10&proximity=50000");
        var filteredTotal = (await GetAsync("/openreferral/services?search=bereavement&postcode=EX10&proximity=50000"))!["total_items"]!.GetValue<int>();
        Assert.Equal(filteredTotal, filtered.Count);
        Assert.InRange(filteredTotal, 1, total - 1);
    }

    [Fact]
    public async Task MinimalServicesCarryTheirOwnFieldsOnly()
    {
        var page = await GetAsync("/openreferral/services?minimal=true&per_page=20");
        OrukSchemas.AssertValid("service_list", page);
        foreach (var service in page!["contents"]!.AsArray())
        {
            Assert.NotNull(service!["id"]);
            Assert.NotNull(service["last_modified"]);
            Assert.Null(service["organization"]);
            Assert.Null(service["service_at_locations"]);
            Assert.Null(service["schedules"]);
        }
    }

    [Theory]
    [InlineData("search=bereavement")]
    [InlineData("postcode=EX10%208XX&proximity=5000")]
    [InlineData("postcode=ex10")]
    [InlineData("minimum_age=70")]
    [InlineData("maximum_age=5")]
    [InlineData("minimum_age=18&maximum_age=25")]
    [InlineData("day=TU")]
    [InlineData("day=Saturday&start_time=09:00&end_time=12:00")]
    [InlineData("start_time=18:00")]
    [InlineData("modified_after=2000-01-01T00:00:00Z")]
    public async Task EachFilterNarrowsTheListAndEveryPageStaysValid(string filter)
    {
        var all = (await GetAsync("/openreferral/services?per_page=1"))!["total_items"]!.GetValue<int>();
        var page = await GetAsync($"/openreferral/services?{filter}&per_page=200");
        OrukSchemas.AssertValid("service_list", page);
        var total = page!["total_items"]!.GetValue<int>();
        Assert.InRange(total, 1, all);
        Assert.Equal(Math.Min(200, total), page["contents"]!.AsArray().Count);
        if (!filter.StartsWith("modified_after", StringComparison.Ordinal))
        {
            Assert.True(total < all, $"{filter} should leave some services out");
        }
    }

    [Fact]
    public async Task OrganizationTaxonomyAndTermFiltersMatchTheRecordsTheyName()
    {
        var service = (await GetAsync((await ServiceIdsAsync("/openreferral/services?per_page=1"))[0] is var id ? $"/openreferral/services/{id}" : ""))!;
        var organizationId = service["organization_id"]!.GetValue<string>();
        var term = service["attributes"]![0]!["taxonomy_term"]!;

        var byOrganization = await GetAsync($"/openreferral/services?organization_id={organizationId}&per_page=200");
        Assert.All(byOrganization!["contents"]!.AsArray(), s => Assert.Equal(organizationId, s!["organization_id"]!.GetValue<string>()));

        var byTerm = await GetAsync($"/openreferral/services?taxonomy_term_id={term["id"]}&per_page=200");
        Assert.Contains(byTerm!["contents"]!.AsArray(), s => s!["id"]!.GetValue<string>() == service["id"]!.GetValue<string>());

        if (term["taxonomy_id"] is { } taxonomyId)
        {
            var byTaxonomy = await GetAsync($"/openreferral/services?taxonomy_id={taxonomyId}&per_page=1");
            Assert.True(byTaxonomy!["total_items"]!.GetValue<int>() >= byTerm["total_items"]!.GetValue<int>());
        }

        // Combined with AND: never more than either alone.
        var both = await GetAsync($"/openreferral/services?organization_id={organizationId}&taxonomy_term_id={term["id"]}");
        Assert.InRange(both!["total_items"]!.GetValue<int>(), 1, Math.Min(byOrganization["total_items"]!.GetValue<int>(), byTerm["total_items"]!.GetValue<int>()));

        var unknownTerm = await GetAsync($"/openreferral/services?taxonomy_term_id={Guid.NewGuid()}");
        Assert.Equal(0, unknownTerm!["total_items"]!.GetValue<int>());
        Assert.True(unknownTerm["empty"]!.GetValue<bool>());
        OrukSchemas.AssertValid("service_list", unknownTerm);
    }

    [Theory]
    [InlineData("/openreferral/services?per_page=0", "per_page")]
    [InlineData("/openreferral/services?per_page=201", "per_page")]
    [InlineData("/openreferral/services?per_page=ten", "per_page")]
    [InlineData("/openreferral/services?page=0", "page")]
    [InlineData("/openreferral/services?page=1&page=2", "page")]
    [InlineData("/openreferral/services?format=xml", "format")]
    [InlineData("/openreferral/services?minimal=yes", "minimal")]
    [InlineData("/openreferral/services?modified_after=yesterday", "modified_after")]
    [InlineData("/openreferral/services?taxonomy_term_id=dementia", "taxonomy_term_id")]
    [InlineData("/openreferral/services?taxonomy_id=1", "taxonomy_id")]
    [InlineData("/openreferral/services?organization_id=x", "organization_id")]
    [InlineData("/openreferral/services?postcode=NOT%20A%20CODE", "postcode")]
    [InlineData("/openreferral/services?postcode=ZZ99", "postcode")]
    [InlineData("/openreferral/services?proximity=500", "proximity")]
    [InlineData("/openreferral/services?postcode=EX10&proximity=-1", "proximity")]
    [InlineData("/openreferral/services?postcode=EX10&proximity=999999999", "proximity")]
    [InlineData("/openreferral/services?minimum_age=-1", "minimum_age")]
    [InlineData("/openreferral/services?maximum_age=500", "maximum_age")]
    [InlineData("/openreferral/services?minimum_age=30&maximum_age=20", "maximum_age")]
    [InlineData("/openreferral/services?day=Funday", "day")]
    [InlineData("/openreferral/services?start_time=25:00", "start_time")]
    [InlineData("/openreferral/services?start_time=12:00&end_time=09:00", "end_time")]
    [InlineData("/openreferral/organizations?per_page=1000", "per_page")]
    [InlineData("/openreferral/organizations?full=yes", "full")]
    [InlineData("/openreferral/organizations?full_service=1", "full_service")]
    [InlineData("/openreferral/organizations?full_service=true&format=ndjson", "full_service")]
    [InlineData("/openreferral/organizations/0e52abbc-ca18-5779-91e3-d5ed8814751e?full_service=maybe", "full_service")]
    [InlineData("/openreferral/organizations?search=a&search=b", "search")]
    [InlineData("/openreferral/organizations?taxonomy_term_id=dementia", "taxonomy_term_id")]
    [InlineData("/openreferral/taxonomies?search=" + TooLong, "search")]
    [InlineData("/openreferral/taxonomies?format=xml", "format")]
    [InlineData("/openreferral/taxonomy_terms?parent_id=nope", "parent_id")]
    [InlineData("/openreferral/taxonomy_terms?taxonomy_id=1", "taxonomy_id")]
    [InlineData("/openreferral/taxonomy_terms?top_only=maybe", "top_only")]
    [InlineData("/openreferral/taxonomy_terms?search=" + TooLong, "search")]
    [InlineData("/openreferral/service_at_locations?format=csv", "format")]
    [InlineData("/openreferral/service_at_locations?full=no", "full")]
    [InlineData("/openreferral/service_at_locations?search=" + TooLong, "search")]
    [InlineData("/openreferral/service_at_locations?taxonomy_term_id=dementia", "taxonomy_term_id")]
    [InlineData("/openreferral/service_at_locations?taxonomy_id=1", "taxonomy_id")]
    [InlineData("/openreferral/service_at_locations?organization_id=x", "organization_id")]
    [InlineData("/openreferral/service_at_locations?modified_after=yesterday", "modified_after")]
    [InlineData("/openreferral/service_at_locations?postcode=ZZ99", "postcode")]
    [InlineData("/openreferral/service_at_locations?proximity=500", "proximity")]
    [InlineData("/openreferral/service_at_locations?postcode=EX10&proximity=999999999", "proximity")]
    public async Task ABadParameterIs400NamingIt(string url, string parameter) => await _http.GetFeedErrorAsync(url, parameter);

    [Theory]
    [InlineData("services")]
    [InlineData("organizations")]
    [InlineData("taxonomies")]
    [InlineData("taxonomy_terms")]
    [InlineData("service_at_locations")]
    public async Task AnUnknownIdIs404(string path)
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid" })
        {
            var response = await _http.GetAsync($"/openreferral/{path}/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.StartsWith("id: ", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("/openreferral/")]
    [InlineData("/openreferral/openapi.json")]
    [InlineData("/openreferral/services?per_page=1")]
    [InlineData("/openreferral/services?format=ndjson&search=dementia")]
    [InlineData("/openreferral/taxonomies")]
    public async Task AnySiteMayReadTheFeed(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://council.example.gov.uk");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    private async Task<List<string>> ServiceIdsAsync(string url) =>
        (await GetAsync(url))!["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

    private Task<JsonNode?> GetAsync(string url) => _http.GetFeedAsync(url);

    private Task<List<JsonNode?>> LinesAsync(string url) => _http.GetFeedLinesAsync(url);
}

public static class FeedAssert
{
    /// <summary>The ORUK validator fails <c>null</c>: an optional value without a value must be left out.</summary>
    public static void HasNoNulls(JsonNode? node, string where)
    {
        switch (node)
        {
            case null:
                Assert.Fail($"{where}: a null value");
                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    HasNoNulls(value, $"{where} .{key}");
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    HasNoNulls(item, $"{where} []");
                }

                break;
        }
    }
}
