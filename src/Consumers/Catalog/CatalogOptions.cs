namespace ShoppableVideo.Consumers.Catalog;

public class CatalogOptions
{
    /// <summary>Product photos whose header claims more pixels than this are refused undecoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Product photo files larger than this are refused unread; a 40-megapixel JPEG is far smaller.</summary>
    public long MaxImageBytes { get; set; } = 64L << 20;

    /// <summary>The decode step decodes at this size (longer side) to prove the photo decodes: the size the
    /// detector works at, so no step ever needs more.</summary>
    public int DecodeMaxSide { get; set; } = 640;
}
