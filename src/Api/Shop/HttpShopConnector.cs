using ShoppableVideo.Api.Net;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace ShoppableVideo.Api.Shop;

/// <summary>Live product details from the shop's API, over the catalog's facts. The catalog decides
/// which products exist: an id it does not know is not sent to the shop, so the API is no proxy for
/// arbitrary ids. Whatever goes wrong with the shop (slow, refused, down, unreadable, no such product)
/// the answer is the manifest's facts, marked in <see cref="ShopProduct.Source"/>, within the timeout.</summary>
public sealed class HttpShopConnector(
    IHttpClientFactory clients,
    ManifestShopConnector manifest,
    IMemoryCache cache,
    ShopOptions options,
    ILogger<HttpShopConnector> logger) : IShopConnector
{
    public const string ClientName = "shop";
    public const string SourceName = "shop";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ShopProduct?> FindAsync(string productId, CancellationToken cancellationToken)
    {
        if (await manifest.FindAsync(productId, cancellationToken) is not { } known)
            return null;
        if (options.CacheDuration > TimeSpan.Zero && cache.TryGetValue(CacheKey(productId), out ShopProduct? cached) && cached is not null)
            return cached;

        var (url, refusal) = ShopAddress.For(options, productId);
        if (url is null)
            return Fallback(known, "shop refused", refusal!);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(url, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return Fallback(known, "not in shop", $"the shop answered 404 for {url}");
            if (!response.IsSuccessStatusCode)
                return Fallback(known, "shop unavailable", $"the shop answered {(int)response.StatusCode} for {url}");
            var document = await response.Content.ReadFromJsonAsync<ShopProductDocument>(Json, timeout.Token);
            if (document is null)
                return Fallback(known, "shop unavailable", $"the shop answered null for {url}");
            var product = Merge(known, document);
            if (options.CacheDuration > TimeSpan.Zero)
                cache.Set(CacheKey(productId), product, options.CacheDuration);
            return product;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fallback(known, "shop timed out", $"no answer from {url} within {options.Timeout}");
        }
        catch (HttpRequestException e) when (PrivateAddressRefusedException.FoundIn(e) is { } refused)
        {
            return Fallback(known, "shop refused", refused.Message);
        }
        // Anything else the shop can provoke (unreadable JSON, a body over the limit, a refused
        // connection) still must not fail the caller: product details are an extra, never the point.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return Fallback(known, "shop unavailable", $"{url}: {e.Message}");
        }
    }

    ShopProduct Fallback(ShopProduct known, string marker, string reason)
    {
        logger.LogWarning("Product {ProductId}: {Marker}, answering with the manifest's facts: {Reason}", known.Id, marker, reason);
        return known with { Source = $"{ManifestShopConnector.SourceName} ({marker})" };
    }

    // The shop's values win; the manifest fills what the shop leaves out. Links the shop gives are kept
    // only when they are plain http(s), since a player puts them in href and src attributes.
    static ShopProduct Merge(ShopProduct known, ShopProductDocument shop)
    {
        var images = shop.Images?.Where(IsWebLink).ToList();
        return new ShopProduct(
            known.Id,
            string.IsNullOrWhiteSpace(shop.Name) ? known.Name : shop.Name,
            shop.Price ?? known.Price,
            shop.Currency ?? known.Currency,
            shop.Rating ?? known.Rating,
            shop.Availability ?? known.Availability,
            shop.Url is not null && IsWebLink(shop.Url) ? shop.Url : known.Url,
            images is { Count: > 0 } ? images : known.Images,
            SourceName);
    }

    static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    static (string, string) CacheKey(string productId) => (nameof(HttpShopConnector), productId);
}
