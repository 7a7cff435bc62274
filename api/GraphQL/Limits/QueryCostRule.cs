using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Signpost.Embedding;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// Prices the operation about to run with this request's own variables, on every execution
/// (cached documents included), refuses it above <c>GraphQL:MaxComplexity</c>, and charges the
/// caller's read budget. Runs after the other rules and after arguments are coerced.
/// </summary>
internal sealed class QueryCostRule(IOptions<GraphQLOptions> options, ReadBudget budget) : ValidationRuleBase
{
    /// <summary>UserContext key: the operation's cost, for logs and telemetry.</summary>
    public const string CostKey = "signpost.cost";

    /// <summary>UserContext key: whose read budget pays (a <see cref="ReadClient"/>), set by the HTTP endpoint.</summary>
    public const string ClientKey = "signpost.client";

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.HasErrors)
        {
            return default;
        }

        var limits = options.Value;
        var cost = Math.Ceiling(new QueryCost(context, limits).Of(context.Operation));
        context.UserContext[CostKey] = cost;
        if (cost > limits.MaxComplexity)
        {
            context.ReportError(new QueryTooComplexError(context.Document.Source, context.Operation,
                $"The query costs {cost:N0}; at most {limits.MaxComplexity:N0} is allowed. Ask for smaller pages (first), fewer fields or fewer searches in one request."));
        }
        else if (context.UserContext.TryGetValue(ClientKey, out var client) && client is ReadClient reader
                 && !budget.TryCharge(reader, (int)cost, out var retryAfter))
        {
            context.ReportError(new ReadBudgetExceededError(context.Document.Source, context.Operation, retryAfter, reader.BudgetPerMinute));
        }

        return default;
    }
}

/// <summary>
/// The cost of an operation: each field counts once per object it is asked of; a list multiplies
/// what is selected under it by its page size (<c>first</c>), its known size, or the default list
/// size; searches add their fixed charge. Each fragment is priced once per kind of parent and
/// reused, so pricing is linear in the document's size whatever its fragments expand to.
/// </summary>
internal sealed class QueryCost(ValidationContext context, GraphQLOptions options)
{
    private readonly Dictionary<(string Fragment, int? Page), double> _fragments = [];
    private readonly ISchema _schema = context.Schema;
    private Dictionary<string, GraphQLFragmentDefinition>? _definitions;

    public double Of(GraphQLOperationDefinition operation)
    {
        IGraphType? root = operation.Operation switch
        {
            OperationType.Query => _schema.Query,
            OperationType.Mutation => _schema.Mutation,
            _ => _schema.Subscription,
        };
        return root is null ? 0 : SelectionSet(operation.SelectionSet, root, pendingPage: null);
    }

    /// <param name="pendingPage">The page size a connection passes to its list (<c>edges</c>).</param>
    private double SelectionSet(GraphQLSelectionSet selectionSet, IGraphType parent, int? pendingPage)
    {
        double total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                GraphQLField field => Field(field, parent, pendingPage),
                GraphQLInlineFragment inline => TypeNamed(inline.TypeCondition?.Type.Name, parent) is { } type
                    ? SelectionSet(inline.SelectionSet, type, pendingPage)
                    : 0,
                GraphQLFragmentSpread spread => Fragment(spread, pendingPage),
                _ => 0,
            };
        }

        return total;
    }

    private double Fragment(GraphQLFragmentSpread spread, int? pendingPage)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (_fragments.TryGetValue((name, pendingPage), out var known))
        {
            return known;
        }

        // Marked before the walk so a cycle (reported by validation) cannot recurse forever.
        _fragments[(name, pendingPage)] = 0;
        _definitions ??= context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .DistinctBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var definition = _definitions.GetValueOrDefault(name);
        var cost = definition is not null && TypeNamed(definition.TypeCondition.Type.Name, null) is { } type
            ? SelectionSet(definition.SelectionSet, type, pendingPage)
            : 0;
        _fragments[(name, pendingPage)] = cost;
        return cost;
    }

    private double Field(GraphQLField field, IGraphType parent, int? pendingPage)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            return 0;
        }

        var definition = name switch
        {
            "__schema" when parent == _schema.Query => _schema.SchemaMetaFieldType,
            "__type" when parent == _schema.Query => _schema.TypeMetaFieldType,
            _ => (parent as IComplexGraphType)?.GetField(name),
        };
        if (definition?.ResolvedType is not { } type)
        {
            return 0; // unknown fields are reported by validation
        }

        var own = 1.0 + FieldCost.Charge(definition, options);
        var page = FieldCost.Page(definition) is { } paging
            ? paging.From(context.ArgumentValues?.TryGetValue(field, out var arguments) == true && arguments.TryGetValue(paging.Argument, out var value) ? value.Value : null)
            : (int?)null;

        var isList = type.IsListType();
        var items = isList ? page ?? FieldCost.Items(definition) ?? IntrospectionListSize(parent, name) ?? pendingPage ?? options.ListImpactMultiplier : 1;
        if (field.SelectionSet is not { } children)
        {
            return own + (isList ? items : 0);
        }

        return own + items * SelectionSet(children, type.GetNamedType(), isList ? null : page);
    }

    private IGraphType? TypeNamed(GraphQLName? name, IGraphType? otherwise) =>
        name is null ? otherwise : _schema.AllTypes[name.StringValue];

    /// <summary>Introspection lists priced at their average size in this schema (types × fields is then the schema's field count).</summary>
    private int? IntrospectionListSize(IGraphType parent, string field) =>
        parent.Name.StartsWith("__", StringComparison.Ordinal)
            ? IntrospectionSizes.For(_schema).TryGetValue((parent.Name, field), out var size) ? size : options.ListImpactMultiplier
            : null;
}
