namespace ShoppableVideo.Api.Auth;

/// <summary>What a key may do. Reading is usually public; writing (uploads, reviews, webhook
/// subscriptions) always needs a key with the write scope.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
}
