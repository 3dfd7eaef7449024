using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Api.Net;

/// <summary>The handler for every request to a URL that users configure (shop APIs, webhook
/// subscribers): a server-side request must not become a way into this machine's network (SSRF).
/// The address check happens where the socket is connected, on the addresses DNS gave for this very
/// connection, so a name that resolves to a public address when checked and a private one when used
/// (DNS rebinding) cannot slip through.</summary>
public static class OutboundHttpHandler
{
    /// <param name="allowPrivateNetworks">only for a peer on your own network, and for tests on loopback.</param>
    public static SocketsHttpHandler Create(bool allowPrivateNetworks, TimeSpan? connectTimeout = null) => new()
    {
        // A redirect could lead anywhere, including to a private address over plain HTTP.
        AllowAutoRedirect = false,
        // Through a proxy the connect step would vet the proxy, not the peer.
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = allowPrivateNetworks ? null : ConnectToPublicAddressAsync,
    };

    static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        // All or nothing: a name with one private address among public ones is not a peer to trust. The
        // reason names neither the addresses nor which rule refused them: an error a caller can read must
        // not become a way to learn what names resolve to inside this network.
        if (addresses.Length == 0 || addresses.Any(address => !NetworkAddresses.IsPublic(address)))
            throw new PrivateAddressRefusedException($"'{host}' refused: this server connects to public addresses only");

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
