using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;
using Signpost.Search;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// <c>/taxonomies</c> and <c>/taxonomy_terms</c>, by id. <c>search</c> keeps the records whose name
/// or description holds every word (split as the service search splits them, so no input is a
/// pattern); taxonomies are small tables, read without a text index.
/// </summary>
public sealed class TaxonomyFeed(DirectoryDbContext db)
{
    public FeedList<HsdsTaxonomy> Taxonomies(FeedParameters p)
    {
        var query = db.Taxonomies.AsNoTracking();
        if (Patterns(p) is { } patterns)
        {
            query = patterns.Count == 0 ? query.Where(_ => false) : patterns.Aggregate(query, (q, pattern) =>
                q.Where(t => EF.Functions.Like(t.Name, pattern) || EF.Functions.Like(t.Description, pattern)));
        }

        return FeedList<HsdsTaxonomy>.Of(query.OrderBy(t => t.Id), (rows, _) => Task.FromResult<IReadOnlyList<HsdsTaxonomy>>(rows.Select(t => t.ToHsds()).ToList()));
    }

    public async Task<FeedList<HsdsTaxonomyTerm>> TermsAsync(FeedParameters p, CancellationToken cancellationToken)
    {
        var query = db.TaxonomyTerms.AsNoTracking();
        if (p.Id("taxonomy_id") is { } taxonomyId)
        {
            query = query.Where(t => t.TaxonomyId == taxonomyId);
        }

        if (p.Id("parent_id") is { } parentId)
        {
            query = query.Where(t => t.ParentId == parentId);
        }

        if (p.Bool("top_only"))
        {
            query = query.Where(t => t.ParentId == null);
        }

        if (Patterns(p) is { } patterns)
        {
            query = patterns.Count == 0 ? query.Where(_ => false) : patterns.Aggregate(query, (q, pattern) =>
                q.Where(t => EF.Functions.Like(t.Name, pattern) || EF.Functions.Like(t.Description, pattern)));
        }

        // The few taxonomies are read once per request to name each term's taxonomy.
        var taxonomies = await db.Taxonomies.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        return FeedList<HsdsTaxonomyTerm>.Of(query.OrderBy(t => t.Id), (rows, _) => Task.FromResult<IReadOnlyList<HsdsTaxonomyTerm>>(
            rows.Select(t => t.ToHsds(t.TaxonomyId is { } x ? taxonomies.GetValueOrDefault(x) : null)).ToList()));
    }

    /// <summary>
    /// A LIKE pattern per word of <c>search</c>, or null without one. Words are letters and digits
    /// only, so none holds a wildcard; text with no words (only punctuation) has no patterns and
    /// matches nothing, as in the service search.
    /// </summary>
    private static IReadOnlyList<string>? Patterns(FeedParameters p) =>
        p.Text("search") is { } text ? FtsQuery.From(text).Words.Select(w => $"%{w}%").ToList() : null;
}
