using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class AccessibilityGraphType : ObjectGraphType<Accessibility>
{
    public AccessibilityGraphType()
    {
        Name = "Accessibility";
        Description = "An accessibility feature of a location (HSDS accessibility).";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the record.");
        Field(a => a.Description, nullable: true).Description("The feature, e.g. \"Step-free access\".");
        Field(a => a.Details, nullable: true).Description("More detail about it.");
        Field(a => a.Url, nullable: true).Description("A page with more about access.");
    }
}
