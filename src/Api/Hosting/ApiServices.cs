using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Health;
using ShoppableVideo.Api.OpenApi;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Api.Shop;
using ShoppableVideo.Api.Uploads;

namespace ShoppableVideo.Api.Hosting;

/// <summary>The web side of the host: problem details, the OpenAPI document, API keys and the shop
/// connector. The processing side is the profile (<see cref="EmbeddedProfile"/>).</summary>
public static class ApiServices
{
    public static IServiceCollection AddShoppableApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if ((ClientRequestErrors.DetailFor(context.Exception) ?? ClientRequestErrors.DetailFor(context.HttpContext)) is { } detail)
                context.ProblemDetails.Detail ??= detail;
        });
        // A query or route value that does not bind (limit=abc) is thrown rather than answered with a bare 400, so
        // the problem says which parameter and what it could not take (ClientRequestErrors).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddDocumentTransformer<HealthPathsTransformer>();
        });
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.Section));
        services.AddSingleton<ApiKeyVerifier>();
        services.AddShopConnector(configuration);
        services.AddReviews();
        services.AddCompletionEvents(configuration);
        services.AddUploads(configuration);
        services.AddHealthChecks()
            .AddCheck<SqliteHealthCheck>("sqlite", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<MediaToolsHealthCheck>("media-tools", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<VisionHealthCheck>("vision", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BucketsHealthCheck>("buckets", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<SagaStoreHealthCheck>("saga-store", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ProductIndexHealthCheck>("product-index", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
