namespace ShoppableVideo.Api.Auth;

/// <summary>The API keys the service accepts, bound from configuration section <c>ShoppableVideo:Api</c>.
/// Only the SHA-256 of each key is configured, so a leaked configuration does not leak a key.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ShoppableVideo:Api";

    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>When true, read endpoints need a key with the read scope too; by default they are public
    /// so a player page can fetch its document.</summary>
    public bool RequireKeyForReads { get; set; }
}

/// <param name="Sha256">lower- or upper-case hex of the SHA-256 of the key's UTF-8 bytes.</param>
/// <param name="Scopes">"read", "write"; a write key can read too.</param>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    /// <summary>Null when not configured, which means both. Deliberately not initialised to
    /// [read, write]: the configuration binder appends configured items to an existing list, so such a
    /// default turned a key configured as read-only into read, write, read.</summary>
    public List<string>? Scopes { get; set; }

    public bool Allows(string scope) =>
        Scopes is null or [] ? scope is ApiScopes.Read or ApiScopes.Write : Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase);
}
