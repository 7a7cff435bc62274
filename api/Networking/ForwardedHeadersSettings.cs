using System.Net;

namespace Signpost.Networking;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the API believes. Bound from
/// the <c>ForwardedHeaders</c> configuration section. With none, forwarded headers are ignored.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> or <c>2001:db8::5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many proxies in a row to look back through (each must be known): 1 for one load balancer,
    /// 2 for a CDN in front of it.
    /// </summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is trusted, and so whether forwarded headers are read at all.</summary>
    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));
}
