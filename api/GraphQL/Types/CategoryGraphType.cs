using GraphQL.Types;
using Signpost.GraphQL.Loading;

namespace Signpost.GraphQL.Types;

public sealed class CategoryGraphType : ObjectGraphType<TaxonomyTerm>
{
    public CategoryGraphType()
    {
        Name = "Category";
        Description = "A need a service meets, from Signpost's two-level taxonomy (HSDS taxonomy_term).";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID; pass it to services(categories:).");
        Field(t => t.Code).Description("Stable readable code, e.g. \"bereavement-child\".");
        Field(t => t.Name).Description("The category's name.");
        Field(t => t.Description).Description("What the category covers.");
        Field<CategoryGraphType>("parent")
            .Description("The broader category, or null for a top-level one.")
            .ResolveAsync(async ctx => ctx.Source.ParentId is { } parent
                ? await ctx.Service<CategoryCatalog>().FindAsync(parent, ctx.CancellationToken)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("children")
            .Description("The narrower categories, alphabetically.")
            .ResolveAsync(async ctx => await ctx.Service<CategoryCatalog>().ChildrenOfAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}
