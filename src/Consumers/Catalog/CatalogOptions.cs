namespace ShoppableVideo.Consumers.Catalog;

public class CatalogOptions
{
    /// <summary>Product photos whose header claims more pixels than this are refused undecoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Photos are decoded no larger than this on their longer side: the detector sees 416 pixels
    /// and the embedder 128x256, so more would only cost time.</summary>
    public int DecodeMaxSide { get; set; } = 640;
}
