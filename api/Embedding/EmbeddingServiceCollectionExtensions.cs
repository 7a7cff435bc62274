using Microsoft.Extensions.Options;
using Signpost.OpenReferral.Feed;

namespace Signpost.Embedding;

/// <summary>
/// Other sites using the directory: open reading from any origin, client keys for the sites that
/// embed it, and the data's licence on every answer.
/// </summary>
public static class EmbeddingServiceCollectionExtensions
{
    public const string GraphQLPath = "/graphql";

    /// <summary>Where the API host serves the widget's script (the site serves its own copy).</summary>
    public const string WidgetPath = "/embed";

    public static IHostApplicationBuilder AddEmbedding(this IHostApplicationBuilder builder)
    {
        // Any page may read, but never with credentials (no cookie, no Authorization header): the
        // "*" answer forbids both, so an API key cannot be sent from another site's page and
        // moderation stays out of reach of every other origin.
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept", ReadClient.Header)
            .WithExposedHeaders("Retry-After", "X-Query-Cost", "X-Query-Budget-Remaining", "Link")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        builder.Services.AddOptions<DataLicenceOptions>().BindConfiguration(DataLicenceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ClientKeyStore>();
        builder.Services.AddScoped<ReadClients>();
        return builder;
    }

    /// <summary>CORS and the licence header, only on what is public to read: GraphQL, the Open Referral feed and the widget.</summary>
    public static WebApplication UseEmbedding(this WebApplication app)
    {
        var licence = app.Services.GetRequiredService<IOptions<DataLicenceOptions>>().Value;
        var link = $"<{licence.Url}>; rel=\"license\"";
        app.UseWhen(IsPublic, open => open.UseCors().Use((context, next) =>
        {
            context.Response.Headers.Link = link;
            return next(context);
        }));
        return app;
    }

    /// <summary>
    /// The site's finder script, from the API host: filled in with the public addresses the API
    /// knows (<c>Reminders:SiteBaseUrl</c>, <c>Reminders:ApiBaseUrl</c>, <c>Reminders:SiteName</c>),
    /// read once at start.
    /// </summary>
    public static WebApplication MapEmbedding(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<Signpost.Reminders.ReminderOptions>>().Value;
        using var stream = typeof(EmbeddingServiceCollectionExtensions).Assembly.GetManifestResourceStream("Signpost.Embedding.signpost-finder.js")!;
        var script = new StreamReader(stream).ReadToEnd()
            .Replace("\"%SIGNPOST_SITE_NAME%\"", System.Text.Json.JsonSerializer.Serialize(site.SiteName), StringComparison.Ordinal)
            .Replace("\"%SIGNPOST_SITE%\"", System.Text.Json.JsonSerializer.Serialize(site.SiteBaseUrl.TrimEnd('/') + "/"), StringComparison.Ordinal)
            .Replace("\"%SIGNPOST_API%\"", System.Text.Json.JsonSerializer.Serialize(site.ApiBaseUrl.TrimEnd('/') + GraphQLPath), StringComparison.Ordinal);
        app.MapGet(WidgetPath + "/signpost-finder.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(script, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static bool IsPublic(HttpContext context) =>
        context.Request.Path.StartsWithSegments(GraphQLPath)
        || context.Request.Path.StartsWithSegments(OpenReferralFeed.Path)
        || context.Request.Path.StartsWithSegments(WidgetPath);
}
