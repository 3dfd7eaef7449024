using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Aws.Tests.LocalServers;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, for servers that cannot be told "any port".</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
