using GraphQL.Validation;
using GraphQLParser.AST;

namespace Signpost.GraphQL.Http;

/// <summary>GET may only run queries (GraphQL over HTTP): a mutation over GET is refused with 405.</summary>
internal sealed class OnlyQueriesOverGetRule : ValidationRuleBase
{
    public const string HttpMethodKey = "signpost.httpMethod";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(context.UserContext.TryGetValue(HttpMethodKey, out var method) && Equals(method, "GET")
            && context.Operation.Operation != OperationType.Query
                ? new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
                    ctx.ReportError(new MutationOverGetError(ctx.Document.Source, operation)))
                : null);
}

internal sealed class MutationOverGetError(GraphQLParser.ROM source, ASTNode node)
    : ValidationError(source, "5.1", "Only queries can be sent with GET; send mutations with POST.", node);
