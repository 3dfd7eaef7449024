using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Events.Webhooks;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Webhook subscriptions and their delivery log. All need the write key: the URLs and the
/// delivery history are the subscriber's business, not the public's.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks").RequireWriteKey();

        webhooks.MapPost("", async (WebhookSubscriptionRequest request, WebhookSubscriptions subscriptions, CancellationToken ct) =>
            await subscriptions.SubscribeAsync(request, ct) switch
            {
                { Subscription: { } created } =>
                    Results.Created($"/webhooks/{created.Id:N}", CreatedWebhookSubscription.Of(created)),
                { ReceiverAtFault: true, Error: var error } =>
                    Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Webhook handshake failed", detail: error),
                { Error: var error } => ApiProblems.BadRequest(error ?? "invalid subscription"),
            })
            .WithSummary("Subscribe a URL; it must echo the handshake challenge. The response holds the signing secret, shown only here.");

        webhooks.MapGet("", async (IWebhookSubscriptionStore store, CancellationToken ct) =>
            (await store.ListAsync(ct)).Select(WebhookSubscriptionView.Of));

        webhooks.MapGet("/{id:guid}", async (Guid id, IWebhookSubscriptionStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } found ? Results.Ok(WebhookSubscriptionView.Of(found)) : NoSubscription(id));

        webhooks.MapDelete("/{id:guid}", async (Guid id, IWebhookSubscriptionStore store, CancellationToken ct) =>
            await store.RemoveAsync(id, ct) ? Results.NoContent() : NoSubscription(id));

        webhooks.MapGet("/{id:guid}/deliveries", async (Guid id, int? limit, IWebhookSubscriptionStore store, IWebhookOutbox outbox,
                CancellationToken ct) =>
            await store.FindAsync(id, ct) is null
                ? NoSubscription(id)
                : Results.Ok(await outbox.ListAsync(id, Math.Clamp(limit ?? 100, 1, 1000), ct)));

        return app;
    }

    static IResult NoSubscription(Guid id) => ApiProblems.NotFound($"No webhook subscription {id:N}.");
}
