using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Api.Shop;

/// <summary>The shop client's handler. The address check happens where the socket is connected, on the
/// addresses DNS gave for this very connection, so a name that resolves to a public address when
/// checked and a private one when used (DNS rebinding) cannot slip through.</summary>
public static class ShopConnectionGuard
{
    public static SocketsHttpHandler CreateHandler(ShopOptions options) => new()
    {
        // A redirect could lead off the allowlisted host; a shop that redirects gets the fallback.
        AllowAutoRedirect = false,
        // Through a proxy the connect callback would vet the proxy, not the shop.
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = options.AllowPrivateNetworks ? null : ConnectToPublicAddressAsync,
    };

    static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        // All or nothing: a name with one private address among public ones is not a shop to trust.
        if (addresses.FirstOrDefault(address => !NetworkAddresses.IsPublic(address)) is { } refused)
            throw new ShopRefusedException($"'{host}' resolves to {refused}, which is not a public address");
        if (addresses.Length == 0)
            throw new ShopRefusedException($"'{host}' resolves to no address");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
