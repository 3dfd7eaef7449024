using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// Which subscriber URLs and addresses this server will call. URLs are user-supplied, so by default
/// only public addresses are reached. The address check runs at connect time (see
/// <see cref="WebhookHttpClient"/>) on the addresses actually dialled, so a name that resolves to a
/// private address later (DNS rebinding) is refused too.
/// </summary>
/// <remarks>The shop connector will need the same guard; the two should become one shared policy.</remarks>
public static class WebhookUrlPolicy
{
    /// <summary>Null when the URL may be subscribed, else why not.</summary>
    public static string? Refusal(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "the url must be an absolute http or https URL";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return $"the url scheme '{uri.Scheme}' is not allowed; use http or https";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "the url must not carry credentials";
        return null;
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (address.GetAddressBytes()[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] < 128,   // 100.64.0.0/10, carrier-grade NAT
            169 => b[1] == 254,                 // link-local, cloud metadata endpoints
            172 => b[1] >= 16 && b[1] < 32,
            192 => b[1] == 168,
            >= 224 => true,                     // multicast and reserved
            _ => false,
        };
    }
}
