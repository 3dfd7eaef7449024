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
    public List<string> Scopes { get; set; } = [ApiScopes.Read, ApiScopes.Write];
}
