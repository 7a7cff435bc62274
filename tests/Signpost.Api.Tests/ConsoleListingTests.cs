using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Looking after listings in the console: finding one, checking stale ones, closing, archiving, restoring, history.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class ConsoleListingTests(ModeratedDirectoryFactory api)
{
    // Telephone befriending: changed only by these tests.
    private const string TelephoneBefriending = "6629d1c6-b6a5-55e0-b45a-9212050f02eb";

    [Fact]
    public async Task AModeratorFindsAListingByPartOfItsNameAndAnEmptySearchIsExplained()
    {
        var browser = await SignedInAsync("Finder");

        var found = await browser.HtmlAsync("/moderate/listings?q=befriending");
        var empty = await browser.HtmlAsync("/moderate/listings?q=%20");

        Assert.Contains($"href=\"/moderate/listings/{TelephoneBefriending}\">Telephone befriending</a>", found);
        Assert.Contains("id=\"q-error\">Enter part of the listing&#x27;s name.", empty);
    }

    [Fact]
    public async Task ListingsDueACheckAreListedOldestFirstAndCheckingOneTodayTakesItOff()
    {
        var browser = await SignedInAsync("Checker");
        var due = await browser.HtmlAsync("/moderate/listings?stale=true");
        var first = System.Text.RegularExpressions.Regex.Match(due, "href=\"/moderate/listings/([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(first);

        var page = await browser.HtmlAsync($"/moderate/listings/{first}");
        var verified = await browser.SubmitAsync($"/moderate/listings/{first}", new() { ["expectedVersion"] = ConsoleBrowser.Hidden(page, "expectedVersion") }, $"/moderate/listings/{first}?handler=Verify");

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var after = await browser.HtmlAsync(verified.Headers.Location!.OriginalString);
        Assert.Contains("Recorded as checked with the provider today.", after);
        Assert.Contains("24 November 2026", after);
        Assert.Contains("<strong>verified</strong> by Checker", after);
        Assert.DoesNotContain($"/moderate/listings/{first}\"", await browser.HtmlAsync("/moderate/listings?stale=true"));
    }

    [Fact]
    public async Task ClosingArchivingAndRestoringAListingAreAuditedAndAStaleFormChangesNothing()
    {
        var browser = await SignedInAsync("Keeper");
        var path = $"/moderate/listings/{TelephoneBefriending}";
        var page = await browser.HtmlAsync(path);
        var version = int.Parse(ConsoleBrowser.Hidden(page, "expectedVersion"));

        Assert.Equal(HttpStatusCode.Redirect, (await Post(browser, path, "Close", version)).StatusCode);
        Assert.Contains("Temporarily closed (still listed)", await browser.HtmlAsync(path));

        // A form from before that change is refused, and says why.
        var stale = await Post(browser, path, "Archive", version);
        Assert.Contains("the listing changed while you were looking at it", await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Post(browser, path, "Archive", version + 1)).StatusCode);
        Assert.Contains("Archived (not listed)", await browser.HtmlAsync(path));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(browser, path, "Restore", version + 2)).StatusCode);

        var history = await browser.HtmlAsync(path);
        Assert.Contains("Listed", history);
        foreach (var action in new[] { "temporarily closed", "archived", "restored" })
        {
            Assert.Contains($"<strong>{action}</strong> by Keeper", history);
        }
    }

    private static Task<HttpResponseMessage> Post(ConsoleBrowser browser, string path, string handler, int version) =>
        browser.SubmitAsync(path, new() { ["expectedVersion"] = version.ToString() }, $"{path}?handler={handler}");

    private Task<ConsoleBrowser> SignedInAsync(string name) => ConsoleBrowser.SignedInAsync(api, name);
}
