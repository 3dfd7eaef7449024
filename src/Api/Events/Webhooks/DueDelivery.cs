namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>What the dispatcher needs to make one attempt.</summary>
public sealed record DueDelivery(Guid Id, Guid EventId, string EventType, string Payload, int Attempts, Uri Url, string Secret,
    Guid SubscriptionId);
