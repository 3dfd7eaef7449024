namespace ShoppableVideo.Api.Tests.Events;

public sealed record ServerSentEvent(string? Id, string Type, string Data);
