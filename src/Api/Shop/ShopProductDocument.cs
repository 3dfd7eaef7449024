namespace ShoppableVideo.Api.Shop;

/// <summary>What the HTTP connector expects the shop to answer: one JSON object, fields by these names
/// (any case); fields it lacks keep the manifest's value and fields it adds are ignored.</summary>
public sealed record ShopProductDocument(
    string? Id,
    string? Name,
    decimal? Price,
    string? Currency,
    double? Rating,
    string? Availability,
    string? Url,
    IReadOnlyList<string>? Images);
