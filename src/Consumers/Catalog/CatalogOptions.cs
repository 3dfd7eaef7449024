namespace ShoppableVideo.Consumers.Catalog;

public class CatalogOptions
{
    /// <summary>Product photos whose header claims more pixels than this are refused undecoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;
}
