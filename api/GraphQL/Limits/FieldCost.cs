using GraphQL.Builders;
using GraphQL.Types;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// What a field costs beyond the default (one per value, lists at <c>GraphQL:ListImpactMultiplier</c>
/// items), kept in the field's metadata where <see cref="QueryCostRule"/> reads it.
/// </summary>
internal static class FieldCost
{
    private const string ChargeKey = "signpost:cost:charge";
    private const string PageKey = "signpost:cost:page";
    private const string ItemsKey = "signpost:cost:items";

    /// <summary>The field runs a search: it costs <paramref name="charge"/> on top of what it returns.</summary>
    public static FieldBuilder<TSource, TReturn> CostsExtra<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<GraphQLOptions, int> charge)
    {
        field.FieldType.Metadata[ChargeKey] = charge;
        return field;
    }

    /// <summary>
    /// The field returns a page sized by an argument (<c>first</c>): a list of that many items, or a
    /// connection whose list (<c>edges</c>) holds that many. Values outside 1..max are refused by the
    /// field itself, so they are costed at the nearest bound.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> PagedBy<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string argument, int defaultSize, int maxSize)
    {
        field.FieldType.Metadata[PageKey] = new PageSize(argument, defaultSize, maxSize);
        return field;
    }

    /// <summary>The list holds about this many items (a reference table such as the postcode districts).</summary>
    public static FieldBuilder<TSource, TReturn> ListOfAbout<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int items)
    {
        field.FieldType.Metadata[ItemsKey] = items;
        return field;
    }

    public static int Charge(FieldType field, GraphQLOptions options) =>
        field.GetMetadata<Func<GraphQLOptions, int>?>(ChargeKey) is { } charge ? charge(options) : 0;

    public static PageSize? Page(FieldType field) => field.GetMetadata<PageSize?>(PageKey);

    public static int? Items(FieldType field) => field.GetMetadata<int?>(ItemsKey);

    internal sealed record PageSize(string Argument, int Default, int Max)
    {
        public int From(object? value) => value is int size ? Math.Clamp(size, 1, Max) : Default;
    }
}
