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

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"nothing listened on 127.0.0.1:{port} within {timeout}: {diagnostics()}");
            }
        }
    }
}
