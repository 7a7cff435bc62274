using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Taxonomy;

/// <summary>
/// The category tree for one request. The taxonomy is a few dozen terms, so it is read whole,
/// once per request that needs it, and walked in memory.
/// </summary>
public sealed class CategoryCatalog(DirectoryDbContext db)
{
    private Tree? _tree;

    public async Task<IReadOnlyList<TaxonomyTerm>> RootsAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Roots;

    public async Task<IReadOnlyList<TaxonomyTerm>> ChildrenOfAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Children.TryGetValue(id, out var children) ? children : [];

    public async Task<TaxonomyTerm?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).ById.GetValueOrDefault(id);

    /// <summary>Every term's id by its readable code ("dementia").</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> IdsByCodeAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).ById.Values.ToDictionary(t => t.Code, t => t.Id, StringComparer.Ordinal);

    /// <summary>The term and every term below it: choosing "Bereavement" finds child bereavement too.</summary>
    public async Task<IReadOnlyList<Guid>> WithDescendantsAsync(Guid id, CancellationToken cancellationToken)
    {
        var tree = await LoadAsync(cancellationToken);
        var result = new List<Guid>();
        var stack = new Stack<Guid>([id]);
        while (stack.TryPop(out var next))
        {
            result.Add(next);
            foreach (var child in tree.Children.GetValueOrDefault(next, []))
            {
                stack.Push(child.Id);
            }
        }

        return result;
    }

    private async Task<Tree> LoadAsync(CancellationToken cancellationToken)
    {
        if (_tree is null)
        {
            // Only Signpost's own categories are needs: terms that came with an import stay on
            // their services but are not offered here.
            var terms = await db.TaxonomyTerms
                .Where(t => t.TaxonomyId == null || db.Taxonomies.Any(x => x.Id == t.TaxonomyId && x.ImportedFrom == null))
                .OrderBy(t => t.Name).ToListAsync(cancellationToken);
            _tree = new Tree(
                terms.ToDictionary(t => t.Id),
                terms.Where(t => t.ParentId is null).ToList(),
                terms.Where(t => t.ParentId is not null).GroupBy(t => t.ParentId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<TaxonomyTerm>)g.ToList()));
        }

        return _tree;
    }

    private sealed record Tree(
        IReadOnlyDictionary<Guid, TaxonomyTerm> ById,
        IReadOnlyList<TaxonomyTerm> Roots,
        IReadOnlyDictionary<Guid, IReadOnlyList<TaxonomyTerm>> Children);
}
