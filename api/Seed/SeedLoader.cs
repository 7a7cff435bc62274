using System.Text.Json;
using Signpost.Data;
using Signpost.Geo.Postcodes;

namespace Signpost.Seed;

/// <summary>
/// Reads data-seed/ and adds it to the database through EF, so the search-index triggers fire as
/// for any other write. All or nothing: any problem refuses the whole seed, naming file and field.
/// </summary>
public sealed class SeedLoader
{
    public sealed record Counts(int Organizations, int Services, int Locations);

    public async Task<Counts> LoadAsync(DirectoryDbContext db, string seedPath, CancellationToken cancellationToken)
    {
        var termsByCode = AddTaxonomy(db, seedPath);

        var ids = new HashSet<Guid>();
        var counts = new Counts(0, 0, 0);
        var regionFiles = Directory.GetFiles(Path.Combine(seedPath, "services"), "*.json").Order(StringComparer.Ordinal);
        foreach (var file in regionFiles)
        {
            var region = Read<RegionDocument>(file);
            var builder = new ListingBuilder(Path.GetRelativePath(seedPath, file), termsByCode, ids);
            foreach (var (organization, index) in region.Organizations.Select((o, i) => (o, i)))
            {
                var built = builder.Build(organization, $"organizations[{index}]");
                db.Organizations.Add(built.Organization);
                db.Services.AddRange(built.Services);
                db.Attributes.AddRange(built.Attributes);
                counts = new Counts(counts.Organizations + 1, counts.Services + built.Services.Count, counts.Locations + built.Organization.Locations.Count);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return counts;
    }

    /// <summary>Adds the category taxonomy from data-seed/taxonomy; returns term ids by code.</summary>
    public IReadOnlyDictionary<string, Guid> AddTaxonomy(DirectoryDbContext db, string seedPath)
    {
        var taxonomy = Read<TaxonomyDocument>(Path.Combine(seedPath, "taxonomy", "categories.json"));
        db.Taxonomies.Add(new TaxonomyScheme
        {
            Id = taxonomy.Taxonomy.Id,
            Name = taxonomy.Taxonomy.Name,
            Description = taxonomy.Taxonomy.Description,
            Uri = taxonomy.Taxonomy.Uri,
            Version = taxonomy.Taxonomy.Version,
        });
        db.TaxonomyTerms.AddRange(taxonomy.Terms.Select(t => new TaxonomyTerm
        {
            Id = t.Id,
            Code = t.Code,
            Name = t.Name,
            Description = t.Description,
            ParentId = t.ParentId,
            TaxonomyId = taxonomy.Taxonomy.Id,
            Language = "en",
        }));
        return taxonomy.Terms.ToDictionary(t => t.Code, t => t.Id, StringComparer.Ordinal);
    }

    private static T Read<T>(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<T>(stream, SeedJson.Options)
                ?? throw new SeedDataException($"{file}: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new SeedDataException($"{file}: {e.Path}: {e.Message}");
        }
    }
}

public sealed class SeedDataException(string message) : Exception(message);
