using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class LanguageGraphType : ObjectGraphType<Language>
{
    public LanguageGraphType()
    {
        Name = "Language";
        Description = "A language a service is offered in (HSDS language).";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the record.");
        Field(l => l.Name).Description("The language's English name, e.g. \"Polish\".");
        Field(l => l.Code, nullable: true).Description("ISO 639 code, e.g. \"pl\"; \"bfi\" is British Sign Language.");
        Field(l => l.Note, nullable: true).Description("How the language is offered, e.g. \"Interpreter on request\".");
    }
}
