using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// Another site's page, in the same Chromium as a signed-in moderator: it can search the directory,
/// and it cannot moderate by any means a page has (GraphQL with the browser's credentials, a script
/// posting to the console, a form that posts there).
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class CrossOriginBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task AnotherSitesPageCanSearchButCannotModerateEvenWithAModeratorSignedInInTheSameBrowser()
    {
        using var api = new ConsoleApiFactory();
        await using var elsewhere = await OtherOrigin.StartAsync();
        var (email, password) = await api.AccountAsync("Maya Patel");
        var key = await api.ModeratorKeyAsync();
        var reference = (await api.GraphQLAsync("mutation($input: ReportProblemInput!) { reportProblem(input: $input) { reference } }",
            new { input = new { serviceId = await AnyServiceAsync(api), topic = "CLOSED", message = "Closed for good." } }))["reportProblem"]!["reference"]!.GetValue<string>();
        var id = await SubmissionIdAsync(api, key, reference);

        // The moderator signs in to the console in this browser.
        var console = await _browser!.NewPageAsync(api.Address);
        await console.GotoAsync("/moderate/sign-in");
        await console.FillAsync("#email", email);
        await console.FillAsync("#password", password);
        await console.Locator("#password").PressAsync("Enter");
        await Assertions.Expect(console.Locator("h1")).ToHaveTextAsync("Waiting for a decision");

        // In another tab of the same browser, someone else's page.
        var apiAddress = api.Address.ToString().TrimEnd('/');
        var page = await console.Context.NewPageAsync();
        await page.GotoAsync(elsewhere.Serve("/", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Elsewhere</title></head><body>
            <form id="approve" method="post" action="{{apiAddress}}/moderate/submissions/{{id}}?handler=Approve"><button>Go</button></form>
            </body></html>
            """).ToString());

        var searched = await page.EvaluateAsync<string>($$"""
            async () => {
              const response = await fetch("{{apiAddress}}/graphql", { method: "POST", headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ query: "{ services(first: 1) { edges { node { name } } } }" }) });
              const body = await response.json();
              return body.data.services.edges[0].node.name;
            }
            """);
        Assert.False(string.IsNullOrEmpty(searched));

        var withCredentials = await page.EvaluateAsync<string>($$"""
            async () => {
              try {
                const response = await fetch("{{apiAddress}}/graphql", { method: "POST", credentials: "include", headers: { "Content-Type": "application/json" },
                  body: JSON.stringify({ query: "mutation { approveSubmission(input: { id: \"{{id}}\" }) { submission { status } } }" }) });
                return "read: " + (await response.text());
              } catch (e) { return "refused by the browser"; }
            }
            """);
        var withKeyHeader = await page.EvaluateAsync<string>($$"""
            async () => {
              try {
                await fetch("{{apiAddress}}/graphql", { method: "POST", headers: { "Content-Type": "application/json", "Authorization": "Bearer {{key}}" },
                  body: JSON.stringify({ query: "mutation { approveSubmission(input: { id: \"{{id}}\" }) { submission { status } } }" }) });
                return "sent";
              } catch (e) { return "refused by the browser"; }
            }
            """);
        var scripted = await page.EvaluateAsync<string>($$"""
            async () => {
              try {
                const response = await fetch("{{apiAddress}}/moderate/submissions/{{id}}?handler=Approve", { method: "POST", credentials: "include",
                  headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "expectedVersion=" });
                return "read: " + response.status;
              } catch (e) { return "refused by the browser"; }
            }
            """);
        Assert.Equal("refused by the browser", withCredentials); // "*" never shares an answer to a request with credentials
        Assert.Equal("refused by the browser", withKeyHeader); // Authorization is not a header other sites may send
        Assert.Equal("refused by the browser", scripted);

        // A plain form posting there: the console's cookie is not sent from another site, and the form has no antiforgery token.
        await page.Locator("#approve button").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.DoesNotContain("approved", page.Url, StringComparison.Ordinal);

        var status = await api.GraphQLAsync("query { moderationQueue(kind: PROBLEM_REPORT, first: 100) { reference status } }", new { }, key);
        Assert.Contains(status["moderationQueue"]!.AsArray(), i => i!["reference"]!.GetValue<string>() == reference && i["status"]!.GetValue<string>() == "PENDING");
    }

    private static async Task<string> AnyServiceAsync(ConsoleApiFactory api) =>
        (await api.GraphQLAsync("{ services(first: 1) { edges { node { id } } } }", new { }))["services"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>();

    private static async Task<string> SubmissionIdAsync(ConsoleApiFactory api, string key, string reference) =>
        (await api.GraphQLAsync("{ moderationQueue(kind: PROBLEM_REPORT, first: 100) { id reference } }", new { }, key))["moderationQueue"]!.AsArray()
            .Single(i => i!["reference"]!.GetValue<string>() == reference)!["id"]!.GetValue<string>();
}
