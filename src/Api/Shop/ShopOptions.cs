namespace ShoppableVideo.Api.Shop;

/// <summary>Section <c>ShoppableVideo:Shop</c>: where product details come from. The catalog manifest
/// unless a shop API is configured; a shop is only ever called on hosts listed here.</summary>
public sealed class ShopOptions
{
    public const string Section = "ShoppableVideo:Shop";
    public const string ManifestConnector = "manifest";
    public const string HttpConnector = "http";
    public const string IdPlaceholder = "{id}";

    /// <summary><c>manifest</c> (default) or <c>http</c>.</summary>
    public string Connector { get; set; } = ManifestConnector;

    /// <summary>The shop's product URL with <c>{id}</c> where the (URL-escaped) product id goes, e.g.
    /// <c>https://shop.example.com/api/products/{id}</c>.</summary>
    public string? UrlTemplate { get; set; }

    /// <summary>Host names (or IP literals) the connector may call; anything else is refused before a
    /// request is made.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long the API waits for the shop before answering with the manifest's facts.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a shop answer is reused per product; zero turns the cache off.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    public long MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Lets the connector reach loopback, private and link-local addresses. Only for a shop on
    /// your own network, or tests; off, a shop host that resolves to such an address is refused.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The ISO 4217 code of a price whose manifest row names no <c>currency</c>.</summary>
    public string DefaultCurrency { get; set; } = "USD";

    public bool UsesHttp => string.Equals(Connector, HttpConnector, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why these settings cannot run, or null. Checked at start-up so a typo fails loudly
    /// instead of silently serving manifest facts.</summary>
    public string? FindProblem()
    {
        if (DefaultCurrency is not { Length: 3 } || !DefaultCurrency.All(char.IsAsciiLetterUpper))
            return $"{Section}:DefaultCurrency '{DefaultCurrency}' is not a three-letter upper-case ISO 4217 code such as EUR";
        if (!UsesHttp)
            return string.Equals(Connector, ManifestConnector, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{Section}:Connector is '{Connector}'; expected '{ManifestConnector}' or '{HttpConnector}'";
        if (string.IsNullOrWhiteSpace(UrlTemplate) || !UrlTemplate.Contains(IdPlaceholder, StringComparison.Ordinal))
            return $"{Section}:UrlTemplate must be an http(s) URL containing {IdPlaceholder}";
        if (!Uri.TryCreate(UrlTemplate.Replace(IdPlaceholder, "x", StringComparison.Ordinal), UriKind.Absolute, out var sample) ||
            sample.Scheme is not ("http" or "https"))
            return $"{Section}:UrlTemplate '{UrlTemplate}' is not an absolute http(s) URL";
        if (AllowedHosts.Count == 0)
            return $"{Section}:AllowedHosts is empty, so every shop request would be refused";
        if (Timeout <= TimeSpan.Zero)
            return $"{Section}:Timeout must be positive";
        if (CacheDuration < TimeSpan.Zero)
            return $"{Section}:CacheDuration must not be negative";
        if (MaxResponseBytes is <= 0 or > int.MaxValue)
            return $"{Section}:MaxResponseBytes must be between 1 and {int.MaxValue}";
        return null;
    }
}
