using System.Text.Json.Nodes;

namespace Signpost.OpenReferral.Feed;

/// <summary>The official ORUK 3.0 OpenAPI document (an embedded copy; see openapi.NOTICE.md), pointed at this host.</summary>
public static class OpenApiDocument
{
    public const string Source =
        "Open Referral UK 3.0 OpenAPI document from https://github.com/tpximpact/oruk-standard-and-website "
        + "@ 5826f64b0f4bbe8bd73b51c98e177debd8b82270, public/specifications/3.0/openapi.json (BSD 3-Clause licence).";

    private static readonly Lazy<JsonObject> Official = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Signpost.OpenReferral.Feed.openapi.json")
            ?? throw new InvalidOperationException("The ORUK OpenAPI document is not embedded in the API.");
        return JsonNode.Parse(stream)!.AsObject();
    });

    /// <summary>A copy whose <c>servers</c> is <paramref name="feedUrl"/>, with the document's source and licence.</summary>
    public static JsonObject For(string feedUrl)
    {
        var document = Official.Value.DeepClone().AsObject();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = feedUrl });
        if (document["info"] is JsonObject info)
        {
            info["x-source"] = Source;
        }

        return document;
    }
}
