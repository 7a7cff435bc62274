using GraphQL;

namespace Signpost.GraphQL.Loading;

internal static class ResolveFieldContextExtensions
{
    public static DirectoryLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DirectoryLoaders>();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
