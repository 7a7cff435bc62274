using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Signpost.Search.SqlServer;

namespace Signpost.Data.SqlServer;

/// <summary>Where the model on SQL Server differs from SQLite's, and why.</summary>
internal static class SqlServerModel
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        DeclareSearchTriggers(modelBuilder);
        CascadeAlongOnePathOnly(modelBuilder.Model);
    }

    /// <summary>
    /// The search index is kept in step by triggers (<see cref="SqlServerSearchIndex"/>). EF must know
    /// of them: SQL Server refuses an <c>OUTPUT</c> clause without <c>INTO</c> on a table with triggers,
    /// so EF reads generated keys another way on these tables.
    /// </summary>
    private static void DeclareSearchTriggers(ModelBuilder modelBuilder)
    {
        foreach (var (table, triggers) in SqlServerSearchIndex.Triggers)
        {
            var entity = modelBuilder.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
            modelBuilder.Entity(entity.ClrType).ToTable(t =>
            {
                foreach (var trigger in triggers)
                {
                    t.HasTrigger(trigger);
                }
            });
        }
    }

    /// <summary>
    /// SQL Server refuses a foreign key that would give a table a second cascade path from another
    /// table (a phone belongs to a service, a location, a contact or an organisation, all of which an
    /// organisation's delete reaches), and any cascade cycle. SQLite allows both. Here each cascade is
    /// kept, in a fixed order, only while it adds no second path; the rest cascade in EF for tracked
    /// rows instead (<see cref="DeleteBehavior.ClientCascade"/>). Nothing in the directory deletes an
    /// organisation, service or location row (the importer deletes a listing's parts explicitly), so
    /// no behaviour depends on the difference.
    /// </summary>
    private static void CascadeAlongOnePathOnly(IMutableModel model)
    {
        var kept = new List<(string Principal, string Dependent)>();
        var foreignKeys = model.GetEntityTypes()
            .SelectMany(e => e.GetDeclaredForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade)
            .OrderBy(fk => fk.DeclaringEntityType.GetTableName(), StringComparer.Ordinal)
            .ThenBy(fk => fk.PrincipalEntityType.GetTableName(), StringComparer.Ordinal)
            .ThenBy(fk => string.Join(",", fk.Properties.Select(p => p.Name)), StringComparer.Ordinal)
            .ToList();

        foreach (var foreignKey in foreignKeys)
        {
            var edge = (foreignKey.PrincipalEntityType.GetTableName()!, foreignKey.DeclaringEntityType.GetTableName()!);
            if (HasAtMostOnePathBetweenAnyTables([.. kept, edge]))
            {
                kept.Add(edge);
            }
            else
            {
                foreignKey.DeleteBehavior = DeleteBehavior.ClientCascade;
            }
        }
    }

    /// <summary>Whether the cascade graph has no cycle and at most one path from any table to any other.</summary>
    internal static bool HasAtMostOnePathBetweenAnyTables(IReadOnlyList<(string Principal, string Dependent)> edges)
    {
        var next = edges.ToLookup(e => e.Principal, e => e.Dependent);
        foreach (var start in edges.Select(e => e.Principal).Distinct())
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<(string Table, int Depth)>();
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (table, depth) = stack.Pop();
                if (depth > edges.Count)
                {
                    return false; // a cycle
                }

                foreach (var dependent in next[table])
                {
                    if (dependent == start || (paths[dependent] = paths.GetValueOrDefault(dependent) + 1) > 1)
                    {
                        return false;
                    }

                    stack.Push((dependent, depth + 1));
                }
            }
        }

        return true;
    }
}
