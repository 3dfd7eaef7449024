using ShoppableVideo.Api.Net;
namespace ShoppableVideo.Api.Shop;

/// <summary>Registers the connector that <see cref="ShopOptions"/> names. Settings that cannot work stop
/// the host at start-up.</summary>
public static class ShopConnectorRegistration
{
    public static IServiceCollection AddShopConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        if (options.FindProblem() is { } problem)
            throw new InvalidOperationException($"Shop connector settings: {problem}.");

        services.AddSingleton(options);
        services.AddSingleton<ManifestShopConnector>();
        if (!options.UsesHttp)
        {
            services.AddSingleton<IShopConnector>(provider => provider.GetRequiredService<ManifestShopConnector>());
            return services;
        }

        services.AddMemoryCache();
        // A named client from the factory, asked for per request, so the singleton connector never
        // holds one handler (and its connections) forever.
        services.AddHttpClient(HttpShopConnector.ClientName, client =>
            {
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => OutboundHttpHandler.Create(options.AllowPrivateNetworks, options.Timeout));
        services.AddSingleton<IShopConnector, HttpShopConnector>();
        return services;
    }
}
