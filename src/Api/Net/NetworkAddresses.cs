using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Api.Net;

/// <summary>Which addresses a server-side request may reach. Everything that is not plainly on the
/// public internet is refused: loopback, private, link-local (cloud metadata at 169.254.169.254),
/// carrier-grade NAT, unique-local, multicast, reserved, and IPv6 forms that embed such an IPv4 address.</summary>
public static class NetworkAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return IsPublicV4(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    static bool IsPublicV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(b[0] == 0                                    // 0.0.0.0/8 "this network"
            || b[0] == 10                                     // 10/8 private
            || (b[0] == 100 && (b[1] & 0xC0) == 64)           // 100.64/10 carrier-grade NAT
            || b[0] == 127                                    // loopback
            || (b[0] == 169 && b[1] == 254)                   // link-local, cloud metadata
            || (b[0] == 172 && (b[1] & 0xF0) == 16)           // 172.16/12 private
            || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)   // IETF assignments, documentation
            || (b[0] == 192 && b[1] == 168)                   // 192.168/16 private
            || (b[0] == 198 && (b[1] & 0xFE) == 18)           // 198.18/15 benchmarking
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)     // documentation
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)      // documentation
            || b[0] >= 224);                                  // multicast, reserved, broadcast
    }

    static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return false;                                     // ::, ::1 and the deprecated ::a.b.c.d
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
            return IsPublicV4(new IPAddress(b.AsSpan(12, 4)));  // 64:ff9b::/96 NAT64 carries an IPv4 address
        if (b[0] == 0x20 && b[1] == 0x02)
            return IsPublicV4(new IPAddress(b.AsSpan(2, 4)));   // 2002::/16 6to4 carries one too
        return !((b[0] & 0xFE) == 0xFC                        // fc00::/7 unique-local
            || (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0) // fe80::/10 link-local, fec0::/10 site-local
            || b[0] == 0xFF                                   // multicast
            || (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) // 100::/64 discard
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)                  // 2001::/32 Teredo
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8));               // documentation
    }
}
