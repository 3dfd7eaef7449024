namespace ShoppableVideo.Api.Auth;

/// <summary>Endpoint metadata saying that a key with this scope is always required, so the OpenAPI
/// document can tell clients which operations need the X-Api-Key header.</summary>
public sealed record RequiresApiKey(string Scope);
