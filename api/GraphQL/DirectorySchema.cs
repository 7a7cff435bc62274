using GraphQL.Types;
using Signpost.GraphQL.Mutation;
using Signpost.GraphQL.Query;

namespace Signpost.GraphQL;

public sealed class DirectorySchema : Schema
{
    public DirectorySchema(IServiceProvider services, DirectoryQuery query, DirectoryMutation mutation) : base(services)
    {
        Description = "Signpost: an open directory of local health, wellbeing and community services, shaped by Open Referral HSDS 3.0 / Open Referral UK.";
        Query = query;
        Mutation = mutation;
    }
}
