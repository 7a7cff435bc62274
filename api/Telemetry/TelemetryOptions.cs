using System.ComponentModel.DataAnnotations;

namespace Signpost.Telemetry;

/// <summary>Where traces and metrics go. Bound from the <c>Telemetry</c> configuration section; off unless an endpoint is given.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// An OpenTelemetry collector's OTLP address (e.g. <c>http://collector:4317</c>). Empty: no
    /// telemetry is collected or sent. The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable works too.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317, the default) or <c>HttpProtobuf</c> (port 4318).</summary>
    [AllowedValues("Grpc", "HttpProtobuf", ErrorMessage = "Telemetry:OtlpProtocol must be 'Grpc' or 'HttpProtobuf'.")]
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The name this instance reports as (<c>service.name</c>).</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string ServiceName { get; set; } = "signpost-api";
}
