namespace ShoppableVideo.Api.Shop;

/// <summary>Where product details come from: the catalog manifest by default, a shop's API when one is
/// configured. A connector never throws for an unknown product; it returns null.</summary>
public interface IShopConnector
{
    Task<ShopProduct?> FindAsync(string productId, CancellationToken cancellationToken);
}
