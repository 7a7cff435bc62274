using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Signpost.GraphQL;
using Signpost.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class SchemaTests(DirectoryApiFactory api)
{
    /// <summary>
    /// The printed, sorted schema is the API's public contract, and its reference:
    /// tests/Signpost.Api.Tests/__snapshots__/SchemaTests.TheSchemaIsTheReviewedContract.snap.
    /// </summary>
    [Fact]
    public void TheSchemaIsTheReviewedContract()
    {
        var schema = api.Services.GetRequiredService<DirectorySchema>();
        schema.Initialize();

        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });

        Snapshot.Match(sdl);
    }

    [Fact]
    public void EveryTypeAndFieldHasADescription()
    {
        var schema = api.Services.GetRequiredService<DirectorySchema>();
        schema.Initialize();

        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__") && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
                missing.AddRange(complex.Fields.SelectMany(f => f.Arguments ?? [], (f, a) => (f, a))
                    .Where(x => string.IsNullOrWhiteSpace(x.a.Description)).Select(x => $"{type.Name}.{x.f.Name}({x.a.Name})"));
            }
        }

        Assert.Empty(missing);
    }
}
