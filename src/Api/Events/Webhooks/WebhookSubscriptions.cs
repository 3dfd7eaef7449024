using System.Security.Cryptography;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Subscribing: check the URL and event types, handshake, and only then store. A subscription
/// whose handshake fails is not stored at all, so every stored subscription is active.</summary>
public sealed class WebhookSubscriptions(WebhookHandshake handshake, IWebhookSubscriptionStore store)
{
    public async Task<WebhookSubscribeOutcome> SubscribeAsync(WebhookSubscriptionRequest request, CancellationToken ct)
    {
        if (WebhookUrlPolicy.Refusal(request.Url) is { } refusal)
            return WebhookSubscribeOutcome.Invalid(refusal);
        var events = request.Events is { Count: > 0 } asked ? asked.Distinct(StringComparer.Ordinal).ToList() : [.. CompletionEventTypes.All];
        if (events.FirstOrDefault(e => !CompletionEventTypes.All.Contains(e)) is { } unknown)
            return WebhookSubscribeOutcome.Invalid($"unknown event type '{unknown}'; known: {string.Join(", ", CompletionEventTypes.All)}");

        var url = new Uri(request.Url!);
        if (await handshake.FailureAsync(url, ct) is { } failure)
            return WebhookSubscribeOutcome.HandshakeFailed($"handshake failed: {failure}");

        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return WebhookSubscribeOutcome.Created(await store.AddAsync(url, events, secret, ct));
    }
}
