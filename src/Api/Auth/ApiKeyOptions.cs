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

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex of the SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>"read" and/or "write". Empty (the default) means both. The list starts empty because the
    /// configuration binder appends to a list rather than replacing it.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool Allows(string scope) =>
        Scopes.Count == 0 || Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase);
}
