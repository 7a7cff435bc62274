using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class FilterTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());
    private static readonly object Sidmouth = NearMeSearchTests.Sidmouth;

    [Fact]
    public async Task FreeOnlyReturnsServicesWithNoCharge()
    {
        var free = await Nodes(new { near = Sidmouth, radiusKm = 30.0, free = true, first = 100 });
        var paid = await Nodes(new { near = Sidmouth, radiusKm = 30.0, free = false, first = 100 });

        Assert.NotEmpty(free);
        Assert.NotEmpty(paid);
        Assert.All(free, n => Assert.True(n["isFree"]!.GetValue<bool>()));
        Assert.All(paid, n => Assert.False(n["isFree"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task AgeKeepsServicesWhoseAgeRangeIncludesIt()
    {
        var forChildren = await Nodes(new { near = Sidmouth, radiusKm = 30.0, age = 8, first = 100 });

        Assert.NotEmpty(forChildren);
        Assert.All(forChildren, n =>
        {
            Assert.True(n["minimumAge"] is null || n["minimumAge"]!.GetValue<int>() <= 8);
            Assert.True(n["maximumAge"] is null || n["maximumAge"]!.GetValue<int>() >= 8);
        });
        var all = await Nodes(new { near = Sidmouth, radiusKm = 30.0, first = 100 });
        Assert.True(forChildren.Count < all.Count, "some adult-only services must drop out");
    }

    [Fact]
    public async Task LanguageMatchesCodeOrName()
    {
        var byCode = await Nodes(new { language = "bn", first = 100 });
        var byName = await Nodes(new { language = "bengali", first = 100 });

        Assert.NotEmpty(byCode);
        Assert.Equal(byCode.Select(n => n["id"]!.GetValue<string>()), byName.Select(n => n["id"]!.GetValue<string>()));
        Assert.All(byCode, n => Assert.Contains(n["languages"]!.AsArray(), l => l!["code"]!.GetValue<string>() == "bn"));
    }

    [Fact]
    public async Task ChoosingAParentCategoryFindsItsChildren()
    {
        var categories = (await _client.RunAsync("Categories")).DataOrFail()["categories"]!.AsArray();
        var bereavement = categories.Single(c => c!["code"]!.GetValue<string>() == "bereavement")!;
        var childCodes = bereavement["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToHashSet();

        var nodes = await Nodes(new { categories = new[] { bereavement["id"]!.GetValue<string>() }, first = 100 });

        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Contains(n["categories"]!.AsArray(), c => childCodes.Contains(c!["code"]!.GetValue<string>())));
    }

    [Fact]
    public async Task OpenAtEvaluatesWeeklySchedulesInUkTime()
    {
        // Tuesday 24 November 2026, 11:00 GMT: weekday services are open, 9pm they are mostly not.
        var morning = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-11-24T11:00:00Z", first = 100 });
        var night = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-11-24T03:00:00Z", first = 100 });

        Assert.NotEmpty(morning);
        Assert.True(night.Count < morning.Count);
        Assert.All(night, n => Assert.Contains(n["openingHours"]!.AsArray(), h => h!.GetValue<string>().Contains("24 hours")));
    }

    [Fact]
    public async Task OpenAtUsesBritishSummerTime()
    {
        // 08:30 UTC on a July Tuesday is 09:30 in the UK: a 9am opening has happened.
        var summer = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-07-14T08:30:00Z", first = 100 });
        var sameClockInUk = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-07-14T09:30:00", first = 100 });

        Assert.Equal(sameClockInUk.Select(n => n["id"]!.GetValue<string>()), summer.Select(n => n["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnBankHolidaysOnlyDailySchedulesCountAsOpen()
    {
        // Christmas Day 2026 is a Friday; at 11am only round-the-clock services are open.
        var christmas = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-12-25T11:00:00Z", first = 100 });
        var ordinaryFriday = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = "2026-12-18T11:00:00Z", first = 100 });

        Assert.True(christmas.Count < ordinaryFriday.Count);
        Assert.All(christmas, n => Assert.Contains(n["openingHours"]!.AsArray(), h => h!.GetValue<string>().StartsWith("Every day")));
    }

    [Fact]
    public async Task MonthlyOrdinalSchedulesOpenOnlyOnTheirDay()
    {
        // The Sidmouth carers' café meets on the 2nd Tuesday: 10 November 2026, not 17 November.
        var second = await Nodes(new { postcode = "EX10", radiusKm = 3.0, text = "carers café", openAt = "2026-11-10T14:30:00Z", first = 100 });
        var third = await Nodes(new { postcode = "EX10", radiusKm = 3.0, text = "carers café", openAt = "2026-11-17T14:30:00Z", first = 100 });

        var secondTuesdayOnly = second.Where(n => n["openingHours"]!.AsArray().Any(h => h!.GetValue<string>().StartsWith("2nd Tuesday"))).ToList();
        Assert.NotEmpty(secondTuesdayOnly);
        Assert.DoesNotContain(third, n => secondTuesdayOnly.Any(s => s["id"]!.GetValue<string>() == n["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenNowUsesTheCurrentUkTime()
    {
        // The test clock is Tuesday 24 November 2026 10:30 GMT.
        var now = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openNow = true, first = 100 });
        var at = await Nodes(new { near = Sidmouth, radiusKm = 30.0, openAt = DirectoryApiFactory.Now.UtcDateTime.ToString("o"), first = 100 });

        Assert.NotEmpty(now);
        Assert.Equal(at.Select(n => n["id"]!.GetValue<string>()), now.Select(n => n["id"]!.GetValue<string>()));
        Assert.All(now, n => Assert.Equal("ACTIVE", n["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FiltersCombineWithAnd()
    {
        var both = await Nodes(new { near = Sidmouth, radiusKm = 30.0, free = true, age = 70, first = 100 });
        var free = (await Nodes(new { near = Sidmouth, radiusKm = 30.0, free = true, first = 100 })).Select(Id).ToHashSet();
        var forSeventy = (await Nodes(new { near = Sidmouth, radiusKm = 30.0, age = 70, first = 100 })).Select(Id).ToHashSet();

        Assert.Equal(free.Intersect(forSeventy).Order(), both.Select(Id).Order());
    }

    [Fact]
    public async Task InactiveServicesAreNotListed()
    {
        var nodes = await Nodes(new { first = 100 });
        var pages = new List<JsonNode>(nodes);
        Assert.All(pages, n => Assert.Contains(n["status"]!.GetValue<string>(), new[] { "ACTIVE", "TEMPORARILY_CLOSED" }));
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private async Task<List<JsonNode>> Nodes(object variables)
    {
        var response = await _client.RunAsync("NearMe", variables);
        return response.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
    }
}
