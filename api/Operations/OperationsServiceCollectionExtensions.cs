using Microsoft.Extensions.Options;

namespace Signpost.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Health checks and a bounded graceful shutdown.</summary>
    public static IHostApplicationBuilder AddDirectoryOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>()
            .Bind(builder.Configuration.GetSection(HostingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);

        builder.AddDirectoryHealthChecks();
        return builder;
    }

    /// <summary>The health endpoints.</summary>
    public static IEndpointRouteBuilder MapDirectoryOperations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapDirectoryHealthChecks();
}
