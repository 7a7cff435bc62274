using System.Net;
using System.Net.Sockets;

namespace Signpost.Networking;

/// <summary>Who a per-client limit counts: the connection's address, after any trusted proxy's forwarded header.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as itself (also when it arrives IPv4-mapped, ::ffff:203.0.113.7), an IPv6
    /// address by its /64 network: one home or host usually gets a whole /64 and can pick any
    /// address in it, so counting single IPv6 addresses would let it start afresh at will.
    /// </summary>
    public static string Key(IPAddress? address)
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

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
