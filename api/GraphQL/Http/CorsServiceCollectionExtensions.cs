namespace Signpost.GraphQL.Http;

public static class CorsServiceCollectionExtensions
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Lets the pages of the sites listed in <c>Cors:AllowedOrigins</c> (the published static site,
    /// for its forms; embedding sites) call the API from the browser. None by default.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryCors(this IHostApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection($"{SectionName}:AllowedOrigins").Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                throw new InvalidOperationException($"Cors:AllowedOrigins: '{origin}' is not an origin such as https://signpost.example.org");
            }
        }

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept")
            .WithExposedHeaders("Retry-After", "X-Query-Cost", "X-Query-Budget-Remaining")));
        return builder;
    }
}
