using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Signpost.Tests.Infrastructure;
using static Signpost.Tests.Infrastructure.ImportRunner;

namespace Signpost.Tests;

/// <summary>
/// Imports from feeds served by a small local HTTP server, well-behaved and hostile: each hostile
/// one must end in a clear error in bounded time, with nothing stored from a bad record.
/// </summary>
public sealed class OpenReferralFeedImportTests : IClassFixture<OpenReferralFeedImportTests.HostileFeeds>, IDisposable
{
    /// <summary>Only to fail instead of hanging; each case should end in about a second.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly HostileFeeds _feeds;
    private readonly EmptyDirectoryFactory _api = new()
    {
        ["OpenReferralImport:MaxResponseBytes"] = "262144",
        ["OpenReferralImport:RequestTimeout"] = "00:00:01",
        ["OpenReferralImport:MaxPages"] = "5",
    };

    public OpenReferralFeedImportTests(HostileFeeds feeds) => _feeds = feeds;

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task AWellBehavedFeedImportsPageByPageAndThenOnlyWhatChanged()
    {
        var run = await ImportWithinAsync("good");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 created", run.Output);
        Assert.Equal(1, await _api.ServiceCountAsync());

        // The second pull remembers the first and asks only for services modified since.
        var again = await ImportWithinAsync("good");
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("modified after", again.Output);
        Assert.Contains(_feeds.Requests, r => r.Contains("modified_after=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("huge", "larger than 262,144 bytes")]
    [InlineData("endless", "still no last page after 5 pages")]
    [InlineData("repeating", "repeats page 1")]
    [InlineData("wrongtype", "the content type is 'text/html', not JSON")]
    [InlineData("slow", "no complete answer within 1 s")]
    [InlineData("badutf8", "not valid UTF-8")]
    [InlineData("elsewhere", "another host than")]
    public async Task AHostileFeedIsAClearErrorInBoundedTimeAndStoresNothing(string feed, string error)
    {
        var run = await ImportWithinAsync(feed);
        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains(error, run.Error);
        Assert.Equal(0, await _api.ServiceCountAsync());
    }

    [Fact]
    public async Task ABadRecordInAFeedIsSkippedWholeAndReported()
    {
        var run = await ImportWithinAsync("badrecord");
        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("phones[0].number: must be a phone number", run.Error);
        Assert.Equal(0, await _api.ServiceCountAsync());
        Assert.Equal(0, await _api.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Organizations)));
    }

    /// <summary>
    /// Imports from a feed. A hostile feed that never ends or never answers would hang the import
    /// without its one-second request timeout; the generous wait fails the test instead of hanging.
    /// </summary>
    private async Task<ImportRun> ImportWithinAsync(string feed) =>
        await _api.ImportAsync($"{_feeds.Address}{feed}/", "--name", feed).WaitAsync(Generous);

    /// <summary>One small server on 127.0.0.1 with a feed per behaviour under /{feed}/.</summary>
    public sealed class HostileFeeds : IAsyncLifetime
    {
        private WebApplication? _app;

        public string Address { get; private set; } = "";

        public List<string> Requests { get; } = [];

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            var service = await File.ReadAllTextAsync(DataFile("dfe-family-hubs", "Service_Clean.json"));
            var id = "ac148810-d857-441c-9679-408f346de14b";
            string Page(string ids, bool last) => $$"""{"total_items":1,"total_pages":{{(last ? 1 : 1000)}},"page_number":1,"size":1,"first_page":true,"last_page":{{(last ? "true" : "false")}},"empty":false,"contents":[{{ids}}]}""";

            _app.Use(async (context, next) =>
            {
                lock (Requests)
                {
                    Requests.Add(context.Request.Path + context.Request.QueryString);
                }

                await next(context);
            });
            _app.MapGet("/good/services", () => Results.Text(Page($$"""{"id":"{{id}}"}""", last: true), "application/json"));
            _app.MapGet("/good/services/{id}", () => Results.Text(service, "application/json; charset=utf-8"));
            _app.MapGet("/huge/services", () => Results.Text(Page(string.Join(",", Enumerable.Repeat($$"""{"id":"{{id}}","description":"{{new string('x', 1000)}}"}""", 1000)), last: true), "application/json"));
            _app.MapGet("/endless/services", (int page) => Results.Text(Page($$"""{"id":"{{Guid.NewGuid()}}"}""", last: false), "application/json"));
            _app.MapGet("/endless/services/{id}", () => Results.NotFound());
            _app.MapGet("/repeating/services", () => Results.Text(Page($$"""{"id":"{{id}}"}""", last: false), "application/json"));
            _app.MapGet("/repeating/services/{id}", () => Results.NotFound());
            _app.MapGet("/wrongtype/services", () => Results.Text("<html>Not a feed</html>", "text/html"));
            _app.MapGet("/slow/services", async (CancellationToken cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
                return Results.Text(Page("", last: true), "application/json");
            });
            _app.MapGet("/badutf8/services", () => Results.Bytes([.. Encoding.UTF8.GetBytes("{\"contents\":[\"caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"]}")], "application/json"));
            _app.MapGet("/elsewhere/services", (HttpContext context) => Results.Redirect($"http://localhost:{context.Connection.LocalPort}/good/services?page=1"));
            _app.MapGet("/badrecord/services", () => Results.Text(Page($$"""{"id":"{{id}}"}""", last: true), "application/json"));
            _app.MapGet("/badrecord/services/{id}", () => Results.Text(service.Replace("\"\\\"+44 1234 234567\\\"\"", "\"call us now\"", StringComparison.Ordinal), "application/json"));
            await _app.StartAsync();
            Address = _app.Urls.First().TrimEnd('/') + "/";
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
