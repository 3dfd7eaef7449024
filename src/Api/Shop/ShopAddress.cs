namespace ShoppableVideo.Api.Shop;

/// <summary>The shop URL for a product, and whether this API may call it: http(s) only, no user
/// information, and a host from the allowlist, judged after the id has been put in.</summary>
public static class ShopAddress
{
    /// <summary>The URL to call, or the reason it may not be called.</summary>
    public static (Uri? Url, string? Refusal) For(ShopOptions options, string productId)
    {
        // An escaped id cannot add path segments, a query or a host, but "." and ".." survive escaping
        // and would walk up the shop's path.
        if (productId is "." or "..")
            return (null, $"product id '{productId}' is a path segment");
        var text = (options.UrlTemplate ?? "").Replace(ShopOptions.IdPlaceholder, Uri.EscapeDataString(productId), StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            return (null, "the shop URL is not an absolute URL");
        if (url.Scheme is not ("http" or "https"))
            return (null, $"scheme '{url.Scheme}' is neither http nor https");
        if (url.UserInfo.Length > 0)
            return (null, "the shop URL carries user information");
        var host = Bare(url.IdnHost);
        if (!options.AllowedHosts.Any(allowed => string.Equals(Bare(allowed), host, StringComparison.OrdinalIgnoreCase)))
            return (null, $"host '{host}' is not in {ShopOptions.Section}:AllowedHosts");
        return (url, null);
    }

    static string Bare(string host) => host.Trim().Trim('[', ']').TrimEnd('.');
}
