using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>What the catalog's Detect and Embed steps need from the vision models: find the product in its
/// photo, then describe that region.</summary>
public interface IProductPhotoVision
{
    /// <summary>The region showing the product, or null (with the reason) when no models are configured.</summary>
    Task<(DetectedItem? Item, string Analysis)> FindProductAsync(string bucket, CatalogProduct product, CancellationToken cancellationToken);

    /// <summary>The region's descriptor, or null when no models are configured.</summary>
    Task<EmbeddedItem?> DescribeAsync(string bucket, CatalogProduct product, DetectedItem item, CancellationToken cancellationToken);
}
