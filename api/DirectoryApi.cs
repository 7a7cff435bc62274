using Signpost.Embedding;
using Signpost.Data;
using Signpost.GraphQL;
using Signpost.GraphQL.Http;
using Signpost.Moderation;
using Signpost.Networking;
using Signpost.OpenReferral.Feed;
using Signpost.OpenReferral.Import;
using Signpost.Operations;
using Signpost.Search;
using Signpost.Submissions;
using Signpost.Telemetry;

namespace Signpost;

/// <summary>
/// The whole API, composed once: the API's own Program and the site's embedded mode both host it.
/// </summary>
public static class DirectoryApi
{
    public static IHostApplicationBuilder AddDirectoryApi(this IHostApplicationBuilder builder)
    {
        builder.AddDirectoryDatabase();
        builder.AddDirectorySearch();
        builder.AddDirectorySubmissions();
        builder.AddDirectoryModeration();
        builder.AddDirectoryGraphQL();
        builder.AddOpenReferral();
        builder.AddEmbedding();
        builder.AddDirectoryForwardedHeaders();
        builder.AddDirectoryTelemetry();
        builder.AddDirectoryOperations();
        builder.AddDirectoryImport();
        return builder;
    }

    /// <summary>Creates, migrates and seeds the database as configured, then maps GraphQL (and GraphiQL's files) and the Open Referral feed.</summary>
    public static async Task UseDirectoryApiAsync(this WebApplication app)
    {
        await app.InitializeDirectoryDatabaseAsync();
        app.UseDirectoryForwardedHeaders();
        app.UseStaticFiles();
        app.UseEmbedding();
        app.MapDirectoryGraphQL();
        app.MapOpenReferral();
        app.MapEmbedding();
        app.MapDirectoryOperations();
    }
}
