using GraphQL.Types;
using Signpost.Embedding;

namespace Signpost.GraphQL.Types;

public sealed class DataLicenceGraphType : ObjectGraphType<DataLicenceOptions>
{
    public DataLicenceGraphType()
    {
        Name = "DataLicence";
        Description = "The licence the directory's data is published under, and the credit to show where you use it.";
        Field(l => l.Name).Description("The licence, e.g. \"Open Government Licence v3.0\".");
        Field(l => l.Url).Description("Where the licence's text is.");
        Field(l => l.Attribution).Description("The words to show beside the data wherever you use it.");
    }
}
