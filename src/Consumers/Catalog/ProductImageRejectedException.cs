namespace ShoppableVideo.Consumers.Catalog;

/// <summary>A product photo that can never be ingested as it is (missing, not an image, too large).</summary>
public sealed class ProductImageRejectedException(string reason) : Exception(reason);
