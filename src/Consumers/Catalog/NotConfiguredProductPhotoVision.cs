using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Without a decoder or models the catalog still lists products; it says plainly that it could not
/// look at the photos, and the products cannot be matched in videos.</summary>
public sealed class NotConfiguredProductPhotoVision(string missing) : IProductPhotoVision
{
    public string Analysis { get; } = $"{Vision.NotConfiguredFrameAnalyzer.Analysis}: {missing}";

    public Task<(DetectedItem? Item, string Analysis)> FindProductAsync(string bucket, CatalogProduct product, CancellationToken cancellationToken) =>
        Task.FromResult<(DetectedItem?, string)>((null, Analysis));

    public Task<EmbeddedItem?> DescribeAsync(string bucket, CatalogProduct product, DetectedItem item, CancellationToken cancellationToken) =>
        Task.FromResult<EmbeddedItem?>(null);
}
