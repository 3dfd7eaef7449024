using ShoppableVideo.Api.Net;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The named HttpClient that handshakes and deliveries use: the same outbound guard as the shop
/// connector (no redirects; unless private networks are allowed, only public addresses are dialled).</summary>
public static class WebhookHttpClient
{
    public const string Name = "webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(Name)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                OutboundHttpHandler.Create(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks));
        return services;
    }
}
