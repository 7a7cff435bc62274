using GraphQL.Types;

namespace Signpost.GraphQL.Limits;

internal static class GraphTypeShapes
{
    public static bool IsListType(this IGraphType type) =>
        (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;
}
