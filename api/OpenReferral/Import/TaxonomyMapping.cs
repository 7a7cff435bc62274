using System.Text.Json;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// The <c>--mapping</c> file: a JSON object from a source term's id or code to a Signpost
/// category code, e.g. <c>{ "3f7b145d-84af-42d7-8fae-eaca714b02b2": "counselling", "BFS": "bereavement" }</c>.
/// Every category code is checked against Signpost's categories when the file is read.
/// </summary>
public sealed class TaxonomyMapping
{
    public static readonly TaxonomyMapping Empty = new(new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase));

    private readonly Dictionary<string, Guid> _categoryBySourceKey;

    private TaxonomyMapping(Dictionary<string, Guid> categoryBySourceKey) => _categoryBySourceKey = categoryBySourceKey;

    public int Count => _categoryBySourceKey.Count;

    public static TaxonomyMapping Read(string file, IReadOnlyDictionary<string, Guid> categoriesByCode)
    {
        Dictionary<string, string>? entries;
        try
        {
            using var stream = File.OpenRead(file);
            entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream, new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ImportSourceException($"--mapping {file}: {e.Message} (expected a JSON object of source term id or code to Signpost category code)");
        }

        var mapped = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, code) in entries ?? [])
        {
            if (!categoriesByCode.TryGetValue(code ?? "", out var categoryId))
            {
                throw new ImportSourceException($"--mapping {file}: \"{key}\": '{code}' is not a Signpost category code (see the categories query or data-seed/taxonomy/categories.json)");
            }

            mapped[key.Trim()] = categoryId;
        }

        return new TaxonomyMapping(mapped);
    }

    /// <summary>The Signpost category for a source term: by its id first, then by its code.</summary>
    public Guid? Find(Guid termId, string? code) =>
        _categoryBySourceKey.TryGetValue(termId.ToString("D"), out var byId) ? byId
        : code is not null && _categoryBySourceKey.TryGetValue(code.Trim(), out var byCode) ? byCode
        : null;
}
