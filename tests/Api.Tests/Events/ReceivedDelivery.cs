namespace ShoppableVideo.Api.Tests.Events;

/// <summary>A delivery as the receiver saw it: the signed headers, the exact body, and its answer.</summary>
public sealed record ReceivedDelivery(string Event, string DeliveryId, string Timestamp, string Signature, string Body, int AnsweredWith);
