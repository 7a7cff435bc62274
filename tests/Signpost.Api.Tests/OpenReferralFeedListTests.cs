using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// The query parameters the ORUK 3.0 OpenAPI document gives the optional lists
/// (<c>/organizations</c>, <c>/taxonomies</c>, <c>/taxonomy_terms</c>, <c>/service_at_locations</c>),
/// through HTTP, every body checked against the official schemas. Lists filtered by their services
/// must say exactly what <c>/services</c> says with the same filter.
/// </summary>
[Collection(DirectoryCollection.Name)]
public sealed class OpenReferralFeedListTests(DirectoryApiFactory api)
{
    private readonly HttpClient _http = api.CreateClient();

    /// <summary>Filters of <c>/services</c>; <c>{organization}</c>, <c>{term}</c> and <c>{taxonomy}</c> stand for ids of a seeded service's.</summary>
    public static TheoryData<string> ServiceFilters =>
    [
        "search=bereavement",
        "postcode=EX10&proximity=5000",
        "taxonomy_term_id={term}",
        "taxonomy_id={taxonomy}",
        "organization_id={organization}",
        "modified_after=2026-01-01T00:00:00Z",
        "search=support&postcode=EX10%208XX&proximity=20000",
        "minimum_age=70&day=TU",
    ];

    [Theory]
    [MemberData(nameof(ServiceFilters))]
    public async Task ServiceAtLocationsFilteredLikeServicesAreTheLinksOfThoseServicesInTheirOrder(string template)
    {
        var filter = await FilterAsync(template);
        var services = await _http.GetFeedLinesAsync($"/openreferral/services?format=ndjson&{filter}");
        var expected = services.SelectMany(s => s!["service_at_locations"]!.AsArray()).Select(l => (string)l!["id"]!).ToList();
        Assert.NotEmpty(expected);

        var streamed = await _http.GetFeedLinesAsync($"/openreferral/service_at_locations?format=ndjson&{filter}");
        Assert.Equal(expected, streamed.Select(l => (string)l!["id"]!));
        Assert.All(streamed, l => OrukSchemas.AssertValid("service_at_location", l));

        var page = await _http.GetFeedAsync($"/openreferral/service_at_locations?per_page=3&page=2&{filter}");
        OrukSchemas.AssertValid("service_at_location_list", page);
        Assert.Equal(expected.Count, (int)page!["total_items"]!);
        Assert.Equal(expected.Skip(3).Take(3), page["contents"]!.AsArray().Select(l => (string)l!["id"]!));

        // Every seeded service is recent and has a category of the one taxonomy: those two keep every link.
        var all = (int)(await _http.GetFeedAsync("/openreferral/service_at_locations?per_page=1"))!["total_items"]!;
        Assert.True(expected.Count < all || template.StartsWith("modified_after", StringComparison.Ordinal) || template.StartsWith("taxonomy_id", StringComparison.Ordinal),
            $"{filter} should leave some links out");
    }

    [Fact]
    public async Task ServiceAtLocationFiltersCombineWithAnd()
    {
        async Task<HashSet<string>> Links(string filter) =>
            (await _http.GetFeedLinesAsync($"/openreferral/service_at_locations?format=ndjson&{filter}")).Select(l => (string)l!["id"]!).ToHashSet();

        var text = await Links("search=support");
        var near = await Links("postcode=EX10&proximity=20000");
        var both = await Links("search=support&postcode=EX10&proximity=20000");
        Assert.NotEmpty(both);
        Assert.True(both.IsSubsetOf(text) && both.IsSubsetOf(near));
        Assert.True(both.Count < Math.Min(text.Count, near.Count));

        var nothing = await _http.GetFeedAsync($"/openreferral/service_at_locations?taxonomy_term_id={Guid.NewGuid()}");
        OrukSchemas.AssertValid("service_at_location_list", nothing);
        Assert.Equal(0, (int)nothing!["total_items"]!);
        Assert.True((bool)nothing["empty"]!);
    }

    [Fact]
    public async Task FullServiceAtLocationsNestTheirServiceWhole()
    {
        var page = await _http.GetFeedAsync("/openreferral/service_at_locations?full=true&per_page=10&postcode=EX10&proximity=10000");
        OrukSchemas.AssertValid("service_at_location_list", page);
        foreach (var link in page!["contents"]!.AsArray())
        {
            var service = link!["service"]!;
            OrukSchemas.AssertValid("service", service);
            Assert.Equal((string)link["service_id"]!, (string)service["id"]!);
            Assert.NotNull(service["organization"]!["name"]);
            Assert.Null(service["service_at_locations"]); // the link is not repeated inside its own service
            Assert.NotNull(link["location"]!["addresses"]);
        }

        var plain = await _http.GetFeedAsync("/openreferral/service_at_locations?per_page=10");
        Assert.All(plain!["contents"]!.AsArray(), l => Assert.Null(l!["service"]));

        var id = (string)plain["contents"]![0]!["id"]!;
        var one = await _http.GetFeedAsync($"/openreferral/service_at_locations/{id}");
        OrukSchemas.AssertValid("service_at_location", one);
        OrukSchemas.AssertValid("service", one!["service"]);
    }

    [Fact]
    public async Task OrganizationsSearchedAreThoseRunningAMatchingServiceInTheOrderOfTheirBestMatch()
    {
        var services = await _http.GetFeedLinesAsync("/openreferral/services?format=ndjson&search=hospice");
        var expected = services.Select(s => (string)s!["organization_id"]!).Distinct().ToList();
        Assert.True(expected.Count > 3, $"{expected.Count} organisations run a hospice service");

        var streamed = await _http.GetFeedLinesAsync("/openreferral/organizations?format=ndjson&search=hospice");
        Assert.Equal(expected, streamed.Select(o => (string)o!["id"]!));
        Assert.All(streamed, o => OrukSchemas.AssertValid("organization", o));

        var page = await _http.GetFeedAsync("/openreferral/organizations?search=hospice&per_page=2&page=2");
        OrukSchemas.AssertValid("organization_list", page);
        Assert.Equal(expected.Count, (int)page!["total_items"]!);
        Assert.Equal(expected.Skip(2).Take(2), page["contents"]!.AsArray().Select(o => (string)o!["id"]!));

        // The basic list is each organisation's own fields, nothing nested.
        Assert.All(page["contents"]!.AsArray(), o => Assert.Null(o!["services"] ?? o["phones"]));

        var none = await _http.GetFeedAsync("/openreferral/organizations?search=zzzzqqqq");
        OrukSchemas.AssertValid("organization_list", none);
        Assert.Equal(0, (int)none!["total_items"]!);
    }

    [Fact]
    public async Task FullOrganizationsNestTheirPhonesContactsAndServices()
    {
        var page = await _http.GetFeedAsync("/openreferral/organizations?full=true&per_page=20");
        var whole = await _http.GetFeedAsync("/openreferral/organizations?full_service=true&per_page=20");
        OrukSchemas.AssertValid("organization_list", page);
        OrukSchemas.AssertValid("organization_list", whole);
        Assert.Contains(page!["contents"]!.AsArray(), o => o!["phones"]!.AsArray().Count > 0);

        foreach (var (organization, withWhole) in page["contents"]!.AsArray().Zip(whole!["contents"]!.AsArray()))
        {
            var id = (string)organization!["id"]!;
            Assert.Equal(id, (string)withWhole!["id"]!);
            Assert.NotNull(organization["contacts"]);
            Assert.All(organization["phones"]!.AsArray(), p => Assert.Equal(id, (string)p!["organization_id"]!));

            var listed = (await _http.GetFeedLinesAsync($"/openreferral/services?format=ndjson&organization_id={id}")).Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal);
            Assert.Equal(listed, organization["services"]!.AsArray().Select(s => (string)s!["id"]!));
            Assert.Equal(listed, withWhole["services"]!.AsArray().Select(s => (string)s!["id"]!));
            Assert.All(organization["services"]!.AsArray(), s => Assert.Null(s!["service_at_locations"]));
            foreach (var service in withWhole["services"]!.AsArray())
            {
                OrukSchemas.AssertValid("service", service);
                Assert.NotNull(service!["service_at_locations"]);
                Assert.Null(service["organization"]); // the organisation is not repeated inside its services
            }
        }
    }

    [Fact]
    public async Task AnOrganizationByIdNestsItsServicesWholeOnlyWithFullService()
    {
        var id = (string)(await _http.GetFeedAsync("/openreferral/organizations?per_page=1"))!["contents"]![0]!["id"]!;
        var simple = await _http.GetFeedAsync($"/openreferral/organizations/{id}");
        var whole = await _http.GetFeedAsync($"/openreferral/organizations/{id}?full_service=true");
        OrukSchemas.AssertValid("organization", simple);
        OrukSchemas.AssertValid("organization", whole);
        Assert.NotEmpty(simple!["services"]!.AsArray());
        Assert.All(simple["services"]!.AsArray(), s => Assert.Null(s!["service_at_locations"]));
        Assert.Equal(simple["services"]!.AsArray().Select(s => (string)s!["id"]!), whole!["services"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.All(whole["services"]!.AsArray(), s => OrukSchemas.AssertValid("service", s));
        Assert.All(whole["services"]!.AsArray(), s => Assert.NotNull(s!["service_at_locations"]));
    }

    [Fact]
    public async Task TaxonomiesAndTermsAreSearchedByEveryWordOfNameOrDescription()
    {
        var taxonomy = (await _http.GetFeedAsync("/openreferral/taxonomies"))!["contents"]![0]!;
        var word = ((string)taxonomy["name"]!).Split(' ')[0].ToUpperInvariant();
        var found = await _http.GetFeedAsync($"/openreferral/taxonomies?search={word}");
        OrukSchemas.AssertValid("taxonomy_list", found);
        Assert.Contains(found!["contents"]!.AsArray(), t => (string)t!["id"]! == (string)taxonomy["id"]!);
        Assert.Equal(0, (int)(await _http.GetFeedAsync($"/openreferral/taxonomies?search={word}%20zzzzqqqq"))!["total_items"]!);
        Assert.Equal(0, (int)(await _http.GetFeedAsync("/openreferral/taxonomies?search=%22%25_%22"))!["total_items"]!);

        var all = (int)(await _http.GetFeedAsync("/openreferral/taxonomy_terms?per_page=1"))!["total_items"]!;
        var terms = await _http.GetFeedLinesAsync("/openreferral/taxonomy_terms?format=ndjson&search=bereave");
        Assert.InRange(terms.Count, 1, all - 1);
        Assert.All(terms, t =>
        {
            OrukSchemas.AssertValid("taxonomy_term", t);
            Assert.Contains("bereave", $"{t!["name"]} {t["description"]}", StringComparison.OrdinalIgnoreCase);
        });

        // With the other filters, AND: a top-level term among them, or their children.
        var top = await _http.GetFeedAsync("/openreferral/taxonomy_terms?search=bereave&top_only=true");
        OrukSchemas.AssertValid("taxonomy_term_list", top);
        Assert.All(top!["contents"]!.AsArray(), t => Assert.Null(t!["parent_id"]));
        Assert.True((int)top["total_items"]! < terms.Count);
        var parent = (string)top["contents"]![0]!["id"]!;
        var children = await _http.GetFeedLinesAsync($"/openreferral/taxonomy_terms?format=ndjson&search=bereave&parent_id={parent}");
        Assert.NotEmpty(children);
        Assert.All(children, t => Assert.Equal(parent, (string)t!["parent_id"]!));
    }

    [Theory]
    [InlineData("organizations?search=support")]
    [InlineData("organizations?full=true")]
    [InlineData("organizations?full_service=true")]
    [InlineData("taxonomies?search=needs")]
    [InlineData("taxonomy_terms?search=support")]
    [InlineData("service_at_locations?search=support")]
    [InlineData("service_at_locations?postcode=EX10&proximity=50000&full=true")]
    [InlineData("service_at_locations?taxonomy_id={taxonomy}&modified_after=2000-01-01T00:00:00Z")]
    public async Task APageCostsTheSameSqlCommandsWhateverItsSize(string template)
    {
        var url = $"/openreferral/{await FilterAsync(template)}";
        async Task<int> CommandsFor(int perPage)
        {
            var paged = $"{url}&per_page={perPage}";
            await _http.GetFeedAsync(paged); // warm caches
            api.Commands.Reset();
            var body = await _http.GetFeedAsync(paged);
            Assert.Equal(Math.Min(perPage, (int)body!["total_items"]!), body["contents"]!.AsArray().Count);
            return api.Commands.Count;
        }

        var small = await CommandsFor(1);
        Assert.Equal(small, await CommandsFor(40));
        Assert.InRange(small, 1, 30);
    }

    /// <summary>The template with a seeded bereavement service's organisation, term and taxonomy ids in it.</summary>
    private async Task<string> FilterAsync(string template)
    {
        if (!template.Contains('{'))
        {
            return template;
        }

        var service = (await _http.GetFeedAsync("/openreferral/services?search=bereavement&per_page=1"))!["contents"]![0]!;
        var term = service["attributes"]![0]!["taxonomy_term"]!;
        return template
            .Replace("{organization}", (string)service["organization_id"]!, StringComparison.Ordinal)
            .Replace("{term}", (string)term["id"]!, StringComparison.Ordinal)
            .Replace("{taxonomy}", (string)term["taxonomy_id"]!, StringComparison.Ordinal);
    }
}

/// <summary>The bounds of the optional lists, on a directory configured with small ones.</summary>
public sealed class OpenReferralFeedListLimitTests(OpenReferralFeedListLimitTests.SmallLimits api) : IClassFixture<OpenReferralFeedListLimitTests.SmallLimits>
{
    public sealed class SmallLimits : ConfiguredDirectoryFactory
    {
        public SmallLimits()
        {
            this["OpenReferral:MaxMatchedServices"] = "5";
            this["OpenReferral:MaxPerPage"] = "3";
            this["OpenReferral:DefaultPerPage"] = "3";
        }
    }

    private readonly HttpClient _http = api.CreateClient();

    [Theory]
    [InlineData("service_at_locations?search=support", "search")]
    [InlineData("service_at_locations?postcode=EX10&proximity=50000", "postcode")]
    [InlineData("organizations?taxonomy_id={taxonomy}&search=support", "search")]
    [InlineData("organizations?taxonomy_id={taxonomy}", "taxonomy_id")]
    public async Task AFilterMatchingMoreServicesThanAListMayHoldIs400NamingIt(string url, string parameter)
    {
        if (url.Contains("{taxonomy}", StringComparison.Ordinal))
        {
            var term = (await _http.GetFeedAsync("/openreferral/taxonomy_terms?per_page=1"))!["contents"]![0]!;
            url = url.Replace("{taxonomy}", (string)term["taxonomy_id"]!, StringComparison.Ordinal);
        }

        var error = await _http.GetFeedErrorAsync($"/openreferral/{url}", parameter);
        Assert.Contains("more than the 5", error);

        // A narrower filter is answered: one organisation's few services.
        var organization = (string)(await _http.GetFeedAsync("/openreferral/organizations?per_page=1"))!["contents"]![0]!["id"]!;
        var narrow = await _http.GetFeedAsync($"/openreferral/service_at_locations?organization_id={organization}");
        OrukSchemas.AssertValid("service_at_location_list", narrow);
        Assert.NotEmpty(narrow!["contents"]!.AsArray());
    }

    [Fact]
    public async Task NestingMoreWholeServicesThanAPageMayHoldIs400NamingFullService()
    {
        // The Royal Devon runs more listed services than a page of 3 may nest.
        const string royalDevon = "0e52abbc-ca18-5779-91e3-d5ed8814751e";
        var simple = await _http.GetFeedAsync($"/openreferral/organizations/{royalDevon}");
        Assert.True(simple!["services"]!.AsArray().Count > 3);
        var error = await _http.GetFeedErrorAsync($"/openreferral/organizations/{royalDevon}?full_service=true", "full_service");
        Assert.Contains($"/services?organization_id={royalDevon}", error);

        // A page (3 organisations) is answered whole when they run at most 3 services, and refused otherwise.
        var pages = (int)(await _http.GetFeedAsync("/openreferral/organizations"))!["total_pages"]!;
        var (answered, refused) = (0, 0);
        for (var page = 1; page <= pages && (answered == 0 || refused == 0); page++)
        {
            var services = (await _http.GetFeedAsync($"/openreferral/organizations?full=true&page={page}"))!["contents"]!.AsArray().Sum(o => o!["services"]!.AsArray().Count);
            if (services > 3)
            {
                Assert.Contains("ask for a smaller per_page", await _http.GetFeedErrorAsync($"/openreferral/organizations?full_service=true&page={page}", "full_service"));
                refused++;
            }
            else
            {
                OrukSchemas.AssertValid("organization_list", await _http.GetFeedAsync($"/openreferral/organizations?full_service=true&page={page}"));
                answered++;
            }
        }

        Assert.True(answered > 0 && refused > 0, $"{answered} pages answered, {refused} refused");
    }
}
