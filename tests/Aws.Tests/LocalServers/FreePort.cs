using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Aws.Tests.LocalServers;

public static class FreePort
{
    // Below the kernel's ephemeral range (32768–60999 on Linux by default): a port from that range that is
    // free now can be handed to any outgoing connection before the server binds it, which once kept a
    // RabbitMQ node from booting ("dist_port_already_used ... not_erlang"). Ports below it are only ever
    // taken by a listener that asks for them.
    const int First = 20000;
    static readonly int End = EphemeralRangeStart();

    /// <summary>A loopback port nobody listens on right now, for servers that cannot be told "any port".</summary>
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(First, End);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { } // taken: try another
        }
    }

    static int EphemeralRangeStart()
    {
        try
        {
            var low = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '],
                StringSplitOptions.RemoveEmptyEntries)[0]);
            return low > First + 1000 ? low : 32768;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return 32768;
        }
    }
}
