using System.Text.Json;
using System.Text.Json.Nodes;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// One service as a source gives it: read, or the reason it could not be (then the record is
/// skipped and reported). <see cref="Where"/> names it in the report (<c>services[3]</c>).
/// </summary>
public sealed record SourceRecord(string Where, string? Id, HsdsService? Service, ImportProblem? Problem);

/// <summary>Turns HSDS JSON (a service, an array of services, or a page with <c>contents</c>) into records.</summary>
public static class HsdsRecords
{
    /// <summary>The service objects in a document, whichever of the three shapes it has.</summary>
    public static IEnumerable<JsonElement> Services(JsonElement root, string where) =>
        root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when root.TryGetProperty("contents", out var contents) =>
                contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray() : throw new ImportSourceException($"{where}: 'contents' is not a list"),
            JsonValueKind.Object => [root],
            _ => throw new ImportSourceException($"{where}: expected a service, a list of services or a page with 'contents'"),
        };

    /// <summary>
    /// Reads one service. A value of the wrong type (an id that is not a UUID, <c>"email": false</c>)
    /// is a problem with that record only, named by its field path.
    /// </summary>
    public static SourceRecord Read(JsonElement element, string where)
    {
        var id = IdOf(element);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new SourceRecord(where, id, null, new ImportProblem("", "is not a JSON object"));
        }

        try
        {
            var node = JsonNode.Parse(element.GetRawText())!;
            DropEmptyStrings(node);
            return new SourceRecord(where, id, node.Deserialize<HsdsService>(HsdsJson.Options), null);
        }
        catch (JsonException e)
        {
            return new SourceRecord(where, id, null, new ImportProblem(FieldPath(e.Path), Explain(e)));
        }
    }

    public static string? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>
    /// Publishers write "" for a value they do not have, even where HSDS wants a number, date or
    /// UUID (<c>"year_incorporated": ""</c>); it means the same as leaving the field out.
    /// </summary>
    private static void DropEmptyStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        DropEmptyStrings(child);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>())
                {
                    DropEmptyStrings(child);
                }

                break;
        }
    }

    /// <summary><c>$.phones[0].number</c> → <c>phones[0].number</c>.</summary>
    private static string FieldPath(string? path) => (path ?? "").TrimStart('$').TrimStart('.');

    private static string Explain(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message switch
        {
            _ when message.Contains("System.Guid", StringComparison.Ordinal) => "is not a UUID",
            _ when message.Contains("System.String", StringComparison.Ordinal) => "must be text",
            _ when message.Contains("System.Decimal", StringComparison.Ordinal) || message.Contains("System.Int32", StringComparison.Ordinal) || message.Contains("System.Double", StringComparison.Ordinal) => "must be a number",
            _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "must be true or false",
            _ when message.Contains("IReadOnlyList", StringComparison.Ordinal) => "must be a list",
            _ => message.TrimEnd('.'),
        };
    }
}
