using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Signpost.Networking;

/// <summary>
/// Behind a proxy or load balancer every connection comes from the proxy, so the client's address
/// (which per-client limits count) is in <c>X-Forwarded-For</c>. Anyone can send that header, so it is
/// believed only from the proxies configured in <c>ForwardedHeaders</c>; ASP.NET Core's default trust of
/// loopback is dropped, so the configured lists are the whole truth. With none configured the
/// middleware is not added and the connection's own address counts.
/// </summary>
public static class ForwardedHeadersSetup
{
    /// <summary>Binds and checks <c>ForwardedHeaders</c> and configures ASP.NET Core's forwarded-headers options from it.</summary>
    public static IHostApplicationBuilder AddDirectoryForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName);
        // Checked now, before the database is touched: a bad address stops start-up naming the setting.
        var check = new ForwardedHeadersSettingsValidator().Validate(null, section.Get<ForwardedHeadersSettings>() ?? new());
        if (check.Failed)
        {
            throw new OptionsValidationException(ForwardedHeadersSettings.SectionName, typeof(ForwardedHeadersSettings), check.Failures);
        }

        builder.Services.AddOptions<ForwardedHeadersSettings>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.Value.ForwardLimit;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies())
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>Reads forwarded headers from trusted proxies; must come before anything that reads the client's address or scheme.</summary>
    public static IApplicationBuilder UseDirectoryForwardedHeaders(this IApplicationBuilder app)
    {
        return app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled
            ? app.UseForwardedHeaders()
            : app;
    }
}

/// <summary>Names each proxy address or network that does not parse, and a forward limit out of range.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var failures = new List<string>();
        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"{ForwardedHeadersSettings.SectionName}:ForwardLimit must be between 1 and 10 (the proxies in a row in front of the API).");
        }

        foreach (var proxy in options.KnownProxies)
        {
            if (!IsAddress(proxy?.Trim()))
            {
                failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownProxies: '{proxy}' is not an IP address, e.g. 10.0.0.5 or 2001:db8::5.");
            }
        }

        foreach (var network in options.KnownNetworks)
        {
            if (!IsNetwork(network?.Trim()))
            {
                failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownNetworks: '{network}' is not a network in CIDR form (an address with no bits set past its prefix length), e.g. 10.0.0.0/8 or 2001:db8::/32.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Stricter than IPAddress.TryParse, which reads "10.0.0" as 10.0.0.0: an IPv4 address needs all four parts.
    private static bool IsAddress(string? text) =>
        IPAddress.TryParse(text, out var address) && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);

    // A network's address must be its first address: 10.0.0.1/8 is more likely a typing slip than 10.0.0.0/8.
    private static bool IsNetwork(string? text)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0
            && IsAddress(text![..slash])
            && System.Net.IPNetwork.TryParse(text, out var network)
            && network.BaseAddress.Equals(IPAddress.Parse(text[..slash]));
    }
}
