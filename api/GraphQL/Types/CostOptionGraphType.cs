using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class CostOptionGraphType : ObjectGraphType<CostOption>
{
    public CostOptionGraphType()
    {
        Name = "CostOption";
        Description = "What a service costs (HSDS cost_option).";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the cost option.");
        Field(c => c.Option, nullable: true).Description("What the price is for, e.g. \"Per session\".");
        Field<FloatGraphType>("amount").Description("The price; 0 or null means free.").Resolve(ctx => (double?)ctx.Source.Amount);
        Field(c => c.Currency, nullable: true).Description("ISO 4217 currency code, e.g. \"GBP\".");
        Field(c => c.AmountDescription, nullable: true).Description("The price in words.");
        Field(c => c.ValidFrom, type: typeof(DateOnlyGraphType)).Description("First day this price applies.");
        Field(c => c.ValidTo, type: typeof(DateOnlyGraphType)).Description("Last day this price applies.");
    }
}
