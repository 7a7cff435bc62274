using Signpost.Embedding;
using Microsoft.Extensions.Options;
using Signpost.GraphQL;
using Signpost.GraphQL.Limits;
using Signpost.Networking;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// The feed spends the same per-client read budget as GraphQL (<c>GraphQL:ReadBudgetPerMinute</c>),
/// priced like a GraphQL query for the same records: a fully nested service holds about
/// <see cref="ValuesPerRecord"/> values, so a page costs its size times that. A stream
/// (<c>format=ndjson</c>) costs as much as the costliest GraphQL request (<c>GraphQL:MaxComplexity</c>):
/// its size is not known before it is sent, and its time is bounded by <c>OpenReferral:StreamTimeout</c>.
/// Records that nest whole services cost those too: <c>full</c> one service a record (a link's),
/// <c>full_service</c> as many as a page may nest (<c>OpenReferral:MaxPerPage</c>).
/// </summary>
internal static class FeedBudget
{
    public const int ValuesPerRecord = 60;

    public static bool TryCharge(HttpContext http, ReadClient client, bool stream, OpenReferralOptions options, out TimeSpan retryAfter)
    {
        var budget = http.RequestServices.GetRequiredService<ReadBudget>();
        if (stream)
        {
            return budget.TryCharge(client, http.RequestServices.GetRequiredService<IOptions<GraphQLOptions>>().Value.MaxComplexity, out retryAfter);
        }

        var isList = http.GetRouteValue("id") is null && http.Request.Path.Value?.TrimEnd('/') is { } path && !path.EndsWith(OpenReferralFeed.Path, StringComparison.Ordinal) && !path.EndsWith("/openapi.json", StringComparison.Ordinal);
        var perPage = int.TryParse(http.Request.Query["per_page"], out var asked) ? Math.Clamp(asked, 1, options.MaxPerPage) : options.DefaultPerPage;
        var records = isList ? perPage : 1;
        var nested = http.Request.Query["full_service"] == "true" ? options.MaxPerPage : http.Request.Query["full"] == "true" ? records : 0;
        return budget.TryCharge(client, (records + nested) * ValuesPerRecord, out retryAfter);
    }
}
