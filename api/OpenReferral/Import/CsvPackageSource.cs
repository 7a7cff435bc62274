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
        var tables = new Tables(await LoadAsync(cancellationToken));
        var index = 0;
        foreach (var row in tables.Rows("service"))
        {
            var service = Assemble(row, tables);
            yield return HsdsRecords.Read(JsonSerializer.SerializeToElement(service), $"services.csv: services[{index++}]");
        }
    }

    /// <summary>
    /// One service with everything the package says about it nested as JSON nests it, including
    /// what Signpost does not keep (funding, programs …), so the importer can report those.
    /// </summary>
    private static JsonObject Assemble(JsonObject row, Tables tables)
    {
        var id = Text(row["id"]);
        var service = Copy(row);
        if (tables.ById("organization", Text(row["organization_id"])) is { } organizationRow)
        {
            var organization = Copy(organizationRow);
            var organizationId = Text(organizationRow["id"]);
            organization["phones"] = tables.Phones("organization_id", organizationId);
            organization["contacts"] = tables.Contacts("organization_id", organizationId);
            organization["funding"] = tables.Children("funding", "organization_id", organizationId);
            organization["programs"] = tables.Children("program", "organization_id", organizationId);
            organization["organization_identifiers"] = tables.Children("organization_identifier", "organization_id", organizationId);
            service["organization"] = organization;
        }

        service["phones"] = tables.Phones("service_id", id);
        service["schedules"] = tables.Children("schedule", "service_id", id);
        service["service_areas"] = tables.Children("service_area", "service_id", id);
        service["languages"] = tables.Children("language", "service_id", id);
        service["cost_options"] = tables.Children("cost_option", "service_id", id);
        service["contacts"] = tables.Contacts("service_id", id);
        service["funding"] = tables.Children("funding", "service_id", id);
        service["required_documents"] = tables.Children("required_document", "service_id", id);
        service["metadata"] = tables.Children("metadata", "resource_id", id);
        if (tables.ById("program", Text(row["program_id"])) is { } program)
        {
            service["program"] = Copy(program);
        }

        var attributes = tables.Children("attribute", "link_id", id);
        foreach (var attribute in attributes.OfType<JsonObject>())
        {
            if (tables.ById("taxonomy_term", Text(attribute["taxonomy_term_id"])) is { } term)
            {
                var nested = Copy(term);
                if (tables.ById("taxonomy", Text(term["taxonomy_id"])) is { } taxonomy)
                {
                    nested["taxonomy_detail"] = Copy(taxonomy);
                }

                attribute["taxonomy_term"] = nested;
            }
        }

        service["attributes"] = attributes;
        var atLocations = tables.Children("service_at_location", "service_id", id);
        foreach (var at in atLocations.OfType<JsonObject>())
        {
            var atId = Text(at["id"]);
            at["contacts"] = tables.Contacts("service_at_location_id", atId);
            at["phones"] = tables.Phones("service_at_location_id", atId);
            at["schedules"] = tables.Children("schedule", "service_at_location_id", atId);
            if (tables.ById("location", Text(at["location_id"])) is { } found)
            {
                var location = Copy(found);
                var locationId = Text(found["id"]);
                location["addresses"] = tables.Children("address", "location_id", locationId);
                location["accessibility"] = tables.Children("accessibility", "location_id", locationId);
                location["phones"] = tables.Phones("location_id", locationId);
                location["languages"] = tables.Children("language", "location_id", locationId);
                location["schedules"] = tables.Children("schedule", "location_id", locationId);
                location["contacts"] = tables.Contacts("location_id", locationId);
                at["location"] = location;
            }
        }

        service["service_at_locations"] = atLocations;
        return service;
    }

    /// <summary>
    /// The package's rows by table, each table indexed once per key column it is looked up by, so
    /// assembling a service costs lookups, not scans of every table.
    /// </summary>
    private sealed class Tables(Dictionary<string, List<JsonObject>> tables)
    {
        private readonly Dictionary<(string Table, string Key), ILookup<string, JsonObject>> _indexes = [];

        public IEnumerable<JsonObject> Rows(string table) => tables.GetValueOrDefault(table) ?? [];

        /// <summary>The row with this id (the first, if a table repeats one), or null.</summary>
        public JsonObject? ById(string table, string id) => id.Length == 0 ? null : Index(table, "id")[id].FirstOrDefault();

        /// <summary>Copies of the rows whose <paramref name="key"/> column is <paramref name="value"/>.</summary>
        public JsonArray Children(string table, string key, string value) =>
            value.Length == 0 ? [] : new JsonArray([.. Index(table, key)[value].Select(Copy)]);

        /// <summary>Phones, each with its languages.</summary>
        public JsonArray Phones(string key, string value)
        {
            var phones = Children("phone", key, value);
            foreach (var phone in phones.OfType<JsonObject>())
            {
                phone["languages"] = Children("language", "phone_id", Text(phone["id"]));
            }

            return phones;
        }

        /// <summary>Contacts, each with its phones.</summary>
        public JsonArray Contacts(string key, string value)
        {
            var contacts = Children("contact", key, value);
            foreach (var contact in contacts.OfType<JsonObject>())
            {
                contact["phones"] = Phones("contact_id", Text(contact["id"]));
            }

            return contacts;
        }

        private ILookup<string, JsonObject> Index(string table, string key)
        {
            if (!_indexes.TryGetValue((table, key), out var index))
            {
                index = Rows(table).Where(r => r[key] is not null).ToLookup(r => Text(r[key]), StringComparer.Ordinal);
                _indexes[(table, key)] = index;
            }

            return index;
        }
    }

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
