using GraphQL.Types;
using Signpost.Geo.Postcodes;

namespace Signpost.GraphQL.Types;

public sealed class PostcodeDistrictGraphType : ObjectGraphType<PostcodeDistrict>
{
    public PostcodeDistrictGraphType()
    {
        Name = "PostcodeDistrict";
        Description = "A UK postcode district (the part before the space) and the centre of its area.";
        Field(d => d.Outcode).Description("The district, e.g. \"EX10\".");
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude of the district's centre.").Resolve(ctx => ctx.Source.Centre.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude of the district's centre.").Resolve(ctx => ctx.Source.Centre.Longitude);
        Field(d => d.Place).Description("The main place in the district, e.g. \"Sidmouth\".");
    }
}
