namespace Signpost.OpenReferral.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The importer's validated limits and the HTTP client it reads feeds with.</summary>
    public static IHostApplicationBuilder AddDirectoryImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient(BoundedJsonClient.HttpClientName, client =>
            {
                // Each request has its own timeout (BoundedJsonClient); this only backs it up.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Signpost-OpenReferral-Import/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by hand, so each target's host can be checked first.
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                MaxResponseHeadersLength = 64, // KB
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            });
        return builder;
    }
}
