using GraphQLParser.AST;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// How big a document is once its fragments are expanded, measured without expanding them: each
/// fragment is summarised once (its own fields, its depth, the fragments it spreads and where),
/// then the summaries are combined in dependency order. Linear in the document's size, so a
/// 2 KB document whose 40 fragments each spread the previous one twice (2^40 fields expanded) is
/// measured in microseconds and refused before anything walks the expansion.
/// </summary>
internal sealed record DocumentShape(long Fields, int Depth, long RootFields, int FragmentNesting)
{
    /// <summary>Counts stop growing here, so sums never overflow.</summary>
    private const long Saturated = long.MaxValue / 4;

    /// <summary>Measures every operation in the document (validation walks them all) and returns the largest figures.</summary>
    public static DocumentShape Measure(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, Summary>(StringComparer.Ordinal);
        var operations = new List<Summary>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, Summary.Of(fragment.SelectionSet));
                    break;
                case GraphQLOperationDefinition operation:
                    operations.Add(Summary.Of(operation.SelectionSet));
                    break;
            }
        }

        var resolved = Resolve(fragments);
        long fields = 0, rootFields = 0;
        int depth = 0, nesting = 0;
        foreach (var operation in operations)
        {
            var measure = Combine(operation, resolved);
            fields = Add(fields, measure.Fields);
            rootFields = Math.Max(rootFields, measure.RootFields);
            depth = Math.Max(depth, measure.Depth);
            nesting = Math.Max(nesting, measure.Nesting);
        }

        // Fragments are validated once each whether or not an operation spreads them.
        foreach (var fragment in fragments.Values)
        {
            fields = Add(fields, fragment.Fields);
        }

        return new DocumentShape(fields, depth, rootFields, nesting);
    }

    /// <summary>Expanded measures of every fragment, in dependency order with an explicit stack (no recursion through spreads).</summary>
    private static Dictionary<string, Totals> Resolve(Dictionary<string, Summary> fragments)
    {
        var resolved = new Dictionary<string, Totals>(fragments.Count, StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var start in fragments.Keys)
        {
            stack.Push(start);
            while (stack.Count > 0)
            {
                var name = stack.Peek();
                if (resolved.ContainsKey(name))
                {
                    stack.Pop();
                    continue;
                }

                var summary = fragments[name];
                inProgress.Add(name);
                var waiting = false;
                foreach (var spread in summary.Spreads)
                {
                    // Unknown fragments and cycles are left to validation, which reports them.
                    if (fragments.ContainsKey(spread.Name) && !resolved.ContainsKey(spread.Name) && !inProgress.Contains(spread.Name))
                    {
                        stack.Push(spread.Name);
                        waiting = true;
                    }
                }

                if (!waiting)
                {
                    resolved[name] = Combine(summary, resolved);
                    inProgress.Remove(name);
                    stack.Pop();
                }
            }
        }

        return resolved;
    }

    private static Totals Combine(Summary summary, Dictionary<string, Totals> resolved)
    {
        var measure = new Totals(summary.Fields, summary.Depth, summary.RootFields, 0);
        foreach (var spread in summary.Spreads)
        {
            if (!resolved.TryGetValue(spread.Name, out var target))
            {
                continue;
            }

            measure = new Totals(
                Add(measure.Fields, target.Fields),
                Math.Max(measure.Depth, spread.Level + target.Depth),
                spread.Level == 0 ? Add(measure.RootFields, target.RootFields) : measure.RootFields,
                Math.Max(measure.Nesting, 1 + target.Nesting));
        }

        return measure;
    }

    private static long Add(long a, long b) => Math.Min(Saturated, a + b);

    private readonly record struct Totals(long Fields, int Depth, long RootFields, int Nesting);

    private readonly record struct Spread(string Name, int Level);

    /// <summary>One selection set's own fields, depth and top-level fields, and the fragments it spreads at which field level.</summary>
    private sealed class Summary
    {
        public long Fields { get; private set; }

        public int Depth { get; private set; }

        public long RootFields { get; private set; }

        public List<Spread> Spreads { get; } = [];

        public static Summary Of(GraphQLSelectionSet selectionSet)
        {
            var summary = new Summary();
            summary.Walk(selectionSet, level: 0);
            return summary;
        }

        // Recursion here follows the document's own nesting, which the parser bounds.
        private void Walk(GraphQLSelectionSet selectionSet, int level)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Fields++;
                        RootFields += level == 0 ? 1 : 0;
                        Depth = Math.Max(Depth, level + 1);
                        if (field.SelectionSet is { } children)
                        {
                            Walk(children, level + 1);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet, level);
                        break;
                    case GraphQLFragmentSpread spread:
                        Spreads.Add(new Spread(spread.FragmentName.Name.StringValue, level));
                        break;
                }
            }
        }
    }
}
