using System.ComponentModel.DataAnnotations;

namespace Signpost.Operations;

/// <summary>How the host stops. Bound from the <c>Hosting</c> configuration section.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// On SIGTERM or Ctrl+C the API stops taking requests and lets those in flight finish for at
    /// most this long, then stops anyway. Keep it below the grace period of whatever stops the
    /// process (systemd's TimeoutStopSec, Kubernetes' terminationGracePeriodSeconds: 30 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Hosting:ShutdownTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
