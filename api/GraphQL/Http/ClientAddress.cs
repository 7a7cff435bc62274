using System.Net;
using System.Net.Sockets;

namespace Signpost.GraphQL.Http;

/// <summary>
/// Who a request comes from, for per-client limits: its IP address (as forwarded by a trusted
/// proxy, when one is configured). IPv6 clients are grouped by their /64 network, which one
/// household or host is given whole, so rotating addresses within it gains nothing.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
