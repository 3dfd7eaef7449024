using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Events;

public static class CompletionEventsRegistration
{
    /// <summary>The SSE broadcaster, the webhook outbox and its dispatcher. The bus side is
    /// <see cref="ServerSentEventsConsumer"/> and <see cref="WebhookOutboxConsumer"/>, registered with the other consumers.</summary>
    public static IServiceCollection AddCompletionEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(CompletionEventOptions.Section).Get<CompletionEventOptions>() ?? new());
        // A profile with a shared log (aws: DynamoDB) registers it first; one process's memory is enough embedded.
        services.TryAddSingleton<ICompletionEventLog, MemoryCompletionEventLog>();
        services.AddSingleton<CompletionEventBroadcaster>();

        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSqliteSchema(WebhookSchema.Part);
        services.AddWebhookHttpClient();
        services.AddSingleton<WebhookDispatchSignal>();
        // A profile with shared stores (aws: DynamoDB) registers them first; SQLite is the embedded one.
        services.TryAddSingleton<IWebhookSubscriptionStore, SqliteWebhookSubscriptionStore>();
        services.TryAddSingleton<IWebhookOutbox, SqliteWebhookOutbox>();
        services.AddSingleton<WebhookHandshake>();
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
