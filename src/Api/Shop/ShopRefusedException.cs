namespace ShoppableVideo.Api.Shop;

/// <summary>A shop request this API will not make: a host outside the allowlist, or an address that is
/// not on the public internet.</summary>
public sealed class ShopRefusedException(string reason) : Exception(reason);
