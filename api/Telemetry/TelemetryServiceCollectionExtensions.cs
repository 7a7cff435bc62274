using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Signpost.GraphQL.Http;

namespace Signpost.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces and metrics for HTTP requests, GraphQL operations and database commands, exported over
    /// OTLP when <c>Telemetry:OtlpEndpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set; nothing
    /// is collected otherwise. Traces carry names and timings, never query text or variables.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Telemetry:OtlpEndpoint must be an http(s) address such as http://collector:4317.")
            .ValidateOnStart();

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : settings.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var address))
        {
            return builder;
        }

        void Export(OtlpExporterOptions otlp, string signalPath)
        {
            var http = settings.OtlpProtocol == "HttpProtobuf";
            otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // Over HTTP each signal has its own path under the collector's address.
            otlp.Endpoint = http ? new Uri(address, signalPath) : address;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(otlp => Export(otlp, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => Export(otlp, "v1/metrics")));
        return builder;
    }
}
