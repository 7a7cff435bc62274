using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// The official ORUK 3.0 JSON schemas from the shared folder beside the repository
/// (<c>../shared/oruk/schemas/oruk-3.0/schema</c>), registered under the URLs their <c>$ref</c>s
/// use, so validating needs no network.
/// </summary>
public static class OrukSchemas
{
    public const string BaseUrl = "https://openreferraluk.org/specifications/3.0/schema/";

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static string Folder => SharedMaterial.Path("oruk", "schemas");

    /// <summary>The errors of <paramref name="json"/> against the named schema (e.g. <c>service</c>), or none.</summary>
    public static IReadOnlyList<string> Errors(string schemaName, JsonNode? json)
    {
        var schema = Schemas.Value[schemaName];
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
    }

    public static void AssertValid(string schemaName, JsonNode? json)
    {
        var errors = Errors(schemaName, json);
        Assert.True(errors.Count == 0, $"Not a valid ORUK {schemaName}:\n{string.Join("\n", errors.Take(20))}");
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var registry = new SchemaRegistry();
        // The ORUK schemas are draft 2020-12 (the OpenAPI document says so) with extra keywords (name, constraints, core).
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
        var pending = Directory.GetFiles(Path.Combine(Folder, "oruk-3.0", "schema"), "*.json").ToList();
        var built = new Dictionary<string, JsonSchema>();
        var problems = new Dictionary<string, string>();
        // Schemas refer to each other; build each once the ones it needs are registered.
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var file in pending.ToList())
            {
                var name = Path.GetFileNameWithoutExtension(file);
                try
                {
                    var schema = JsonSchema.FromText(File.ReadAllText(file), options, new Uri(BaseUrl + Path.GetFileName(file)));
                    if (registry.Get(new Uri(BaseUrl + Path.GetFileName(file))) is null)
                    {
                        registry.Register(schema);
                    }

                    built[name] = schema;
                    pending.Remove(file);
                    progress = true;
                }
                catch (Exception e)
                {
                    problems[name] = e.Message;
                    // Needs a schema not yet built; try again on the next round.
                }
            }

            if (!progress)
            {
                throw new InvalidOperationException($"Could not build the ORUK schemas: {string.Join("; ", problems)}");
            }
        }

        return built;
    }
}
