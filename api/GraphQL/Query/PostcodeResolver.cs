using Signpost.Geo.Postcodes;
using Signpost.GraphQL.Errors;

namespace Signpost.GraphQL.Query;

/// <summary>Postcode text to a point, with the API's errors for malformed and unknown postcodes.</summary>
public sealed class PostcodeResolver(IPostcodeLookup lookup)
{
    public async Task<PostcodeLocation> ResolveAsync(string? text, string field, CancellationToken cancellationToken)
    {
        if (!Postcode.TryParse(text, out var postcode))
        {
            throw new InputError(field, $"'{DirectoryQuery.Truncate(text)}' is not a UK postcode (for example \"EX10 8XX\" or \"EX10\")");
        }

        return await lookup.FindAsync(postcode!, cancellationToken)
            ?? throw new NotFoundError(field, $"no location is known for the postcode district {postcode!.Outcode}");
    }
}
