using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The named HttpClient that handshakes and deliveries use: no redirects (a redirect could
/// lead anywhere), and unless private networks are allowed, a connect step that dials only public addresses.</summary>
public static class WebhookHttpClient
{
    public const string Name = "webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(Name)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
                if (!options.AllowPrivateNetworks)
                    handler.ConnectCallback = ConnectToPublicAddressAsync;
                return handler;
            });
        return services;
    }

    static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !WebhookUrlPolicy.IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"refused to connect to {host}: it resolves only to loopback or private addresses " +
                "(set ShoppableVideo:Webhooks:AllowPrivateNetworks to allow them)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
