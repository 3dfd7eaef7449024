namespace ShoppableVideo.Api.Shop;

/// <summary>What a player or shop shows for a product: the catalog's facts, or the shop's live ones.</summary>
public record ShopProduct(
    string Id,
    string Name,
    decimal? Price,
    string? Currency,
    double? Rating,
    string? Availability,
    string? Url,
    IReadOnlyList<string> Images,
    string Source);
