using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>Registers the one signed client (<see cref="IAwsHttpClient"/>) and its options. One
    /// HttpClient serves every service; its connections are recycled so DNS changes are seen.</summary>
    public static IServiceCollection AddAwsHttpClient(this IServiceCollection services, Action<AwsClientOptions> configure)
    {
        var options = new AwsClientOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton<IAwsHttpClient>(provider => new SignedAwsHttpClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                // Long polls last up to 20 s; the bound only stops a hung connection.
                Timeout = TimeSpan.FromSeconds(70),
            },
            options,
            provider.GetRequiredService<ILogger<SignedAwsHttpClient>>()));
        return services;
    }
}
