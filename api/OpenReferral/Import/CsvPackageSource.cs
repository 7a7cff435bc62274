using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// An HSDS 3.0 Tabular Data Package: <c>datapackage.json</c> and its CSV files. Each service is
/// assembled from the tables into the nested shape of <c>GET /services/{id}</c>, typed by the
/// package's field types, and then read exactly as JSON is.
/// </summary>
public sealed class CsvPackageSource(string path, long maxFileBytes)
{
    /// <summary>RFC 4180 with a header row, as HSDS tabular data packages are written.</summary>
    private static readonly CsvReaderOptions Csv = CsvReaderOptions.Default with { Separator = ',', HasHeader = true };

    public static bool IsPackage(string path) =>
        Path.GetFileName(path) == "datapackage.json" || File.Exists(Path.Combine(path, "datapackage.json"));

    public async IAsyncEnumerable<SourceRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tables = await LoadAsync(cancellationToken);
        var byId = tables.ToDictionary(t => t.Key, t => t.Value.Where(r => r["id"] is not null).GroupBy(r => Text(r["id"])).ToDictionary(g => g.Key, g => g.First()));
        var index = 0;
        foreach (var row in Rows(tables, "service"))
        {
            var service = Assemble(row, tables, byId);
            yield return HsdsRecords.Read(JsonSerializer.SerializeToElement(service), $"services.csv: services[{index++}]");
        }
    }

    private static JsonObject Assemble(JsonObject row, Dictionary<string, List<JsonObject>> tables, Dictionary<string, Dictionary<string, JsonObject>> byId)
    {
        var id = Text(row["id"]);
        var service = Copy(row);
        if (Text(row["organization_id"]) is { Length: > 0 } organizationId && byId.GetValueOrDefault("organization")?.GetValueOrDefault(organizationId) is { } organization)
        {
            service["organization"] = Copy(organization);
        }

        service["phones"] = Children(tables, "phone", "service_id", id);
        service["schedules"] = Children(tables, "schedule", "service_id", id);
        service["service_areas"] = Children(tables, "service_area", "service_id", id);
        service["languages"] = Children(tables, "language", "service_id", id);
        service["cost_options"] = Children(tables, "cost_option", "service_id", id);
        var contacts = Children(tables, "contact", "service_id", id);
        foreach (var contact in contacts.OfType<JsonObject>())
        {
            contact["phones"] = Children(tables, "phone", "contact_id", Text(contact["id"]));
        }

        service["contacts"] = contacts;
        var attributes = Children(tables, "attribute", "link_id", id);
        foreach (var attribute in attributes.OfType<JsonObject>())
        {
            if (byId.GetValueOrDefault("taxonomy_term")?.GetValueOrDefault(Text(attribute["taxonomy_term_id"])) is { } term)
            {
                var nested = Copy(term);
                if (byId.GetValueOrDefault("taxonomy")?.GetValueOrDefault(Text(term["taxonomy_id"])) is { } taxonomy)
                {
                    nested["taxonomy_detail"] = Copy(taxonomy);
                }

                attribute["taxonomy_term"] = nested;
            }
        }

        service["attributes"] = attributes;
        var atLocations = Children(tables, "service_at_location", "service_id", id);
        foreach (var at in atLocations.OfType<JsonObject>())
        {
            if (byId.GetValueOrDefault("location")?.GetValueOrDefault(Text(at["location_id"])) is { } found)
            {
                var location = Copy(found);
                var locationId = Text(found["id"]);
                location["addresses"] = Children(tables, "address", "location_id", locationId);
                location["accessibility"] = Children(tables, "accessibility", "location_id", locationId);
                location["phones"] = Children(tables, "phone", "location_id", locationId);
                at["location"] = location;
            }
        }

        service["service_at_locations"] = atLocations;
        return service;
    }

    private static JsonArray Children(Dictionary<string, List<JsonObject>> tables, string table, string key, string value) =>
        new([.. Rows(tables, table).Where(r => Text(r[key]) == value && value.Length > 0).Select(Copy)]);

    private static IEnumerable<JsonObject> Rows(Dictionary<string, List<JsonObject>> tables, string table) =>
        tables.GetValueOrDefault(table) ?? [];

    private static JsonObject Copy(JsonObject row) => row.DeepClone().AsObject();

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

    private async Task<Dictionary<string, List<JsonObject>>> LoadAsync(CancellationToken cancellationToken)
    {
        var descriptor = Path.GetFileName(path) == "datapackage.json" ? path : Path.Combine(path, "datapackage.json");
        var folder = Path.GetDirectoryName(Path.GetFullPath(descriptor))!;
        JsonNode? package;
        try
        {
            await using var stream = File.OpenRead(descriptor);
            package = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ImportSourceException($"{descriptor}: {e.Message}", e);
        }

        var tables = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var resource in package?["resources"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var name = resource["name"]?.GetValue<string>();
            var file = resource["path"]?.GetValue<string>();
            if (name is null || file is null)
            {
                continue;
            }

            // The descriptor names files beside it; nothing outside the package's folder is read.
            var full = Path.GetFullPath(Path.Combine(folder, file));
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ImportSourceException($"{descriptor}: resource '{name}' points outside the package ({file})");
            }

            if (!File.Exists(full))
            {
                continue; // an optional table the publisher left out
            }

            if (new FileInfo(full).Length > maxFileBytes)
            {
                throw new ImportSourceException($"{full}: larger than {maxFileBytes:N0} bytes (OpenReferralImport:MaxResponseBytes)");
            }

            var types = (resource["schema"]?["fields"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(f => f["name"] is not null)
                .ToDictionary(f => f["name"]!.GetValue<string>(), f => f["type"]?.GetValue<string>() ?? "string", StringComparer.Ordinal);
            tables[name] = ReadTable(full, types);
        }

        return tables.ContainsKey("service")
            ? tables
            : throw new ImportSourceException($"{descriptor}: the package has no 'service' resource (services.csv)");
    }

    private static List<JsonObject> ReadTable(string file, Dictionary<string, string> types)
    {
        try
        {
            // Decoded strictly first: invalid UTF-8 is a clear error, never replacement characters.
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(file));
            using var csv = CsvReader.FromText(text, Csv);
            var header = csv.Headers.ToList();
            var rows = new List<JsonObject>();
            while (csv.Read())
            {
                var row = new JsonObject();
                for (var i = 0; i < Math.Min(header.Count, csv.FieldCount); i++)
                {
                    var cell = csv.GetString(i);
                    if (!string.IsNullOrEmpty(cell))
                    {
                        row[header[i]] = Typed(cell, types.GetValueOrDefault(header[i], "string"));
                    }
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (Exception e) when (e is IOException or CsvFormatException or System.Text.DecoderFallbackException)
        {
            throw new ImportSourceException($"{file}: {e.Message}", e);
        }
    }

    /// <summary>A cell as the JSON value its field type says; a cell that does not fit stays text for the checks to report.</summary>
    private static JsonNode Typed(string cell, string type) => type switch
    {
        "number" or "integer" when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        "boolean" when bool.TryParse(cell, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(cell),
    };
}
