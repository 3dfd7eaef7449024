namespace ShoppableVideo.Consumers.Matching;

/// <summary>A region of an image that may hold a catalog item, and how it looks.</summary>
public sealed record DescribedItem(ItemRegion Region, ItemDescriptor Descriptor);
