using System.Runtime.CompilerServices;
using GraphQL.Types;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// The average size of each introspection list in a schema, worked out once: with these, a nested
/// introspection query (types → fields → type → fields …) is priced at roughly what it returns.
/// </summary>
internal static class IntrospectionSizes
{
    private static readonly ConditionalWeakTable<ISchema, Dictionary<(string, string), int>> Sizes = new();

    public static Dictionary<(string Type, string Field), int> For(ISchema schema) => Sizes.GetValue(schema, Measure);

    private static Dictionary<(string, string), int> Measure(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var complex = types.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType).ToList();
        var inputs = types.OfType<IInputObjectGraphType>().ToList();
        var enums = types.OfType<EnumerationGraphType>().ToList();
        var fields = complex.SelectMany(t => t.Fields).ToList();

        return new()
        {
            [("__Schema", "types")] = types.Count,
            [("__Schema", "directives")] = Math.Max(1, schema.Directives.Count),
            [("__Type", "fields")] = Average(complex.Sum(t => t.Fields.Count), complex.Count),
            [("__Type", "inputFields")] = Average(inputs.Sum(t => t.Fields.Count), inputs.Count),
            [("__Type", "enumValues")] = Average(enums.Sum(t => t.Values.Count), enums.Count),
            [("__Field", "args")] = Average(fields.Sum(f => f.Arguments?.Count ?? 0), fields.Count),
        };
    }

    private static int Average(int total, int count) => count == 0 ? 1 : Math.Max(1, (int)Math.Ceiling(total / (double)count));
}
