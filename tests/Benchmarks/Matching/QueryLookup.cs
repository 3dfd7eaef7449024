using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Looks up the held-out query photos in the product index: decode, detect, the region of the product's
/// kind chosen as a catalog photo's is, described as a video region is (itself and its subject), then
/// search among that kind. The region is chosen by <see cref="ProductPhotoRegion"/> directly, so the four
/// catalog views of the photo are never embedded only to be thrown away. Descriptions are kept, so trying another appearance/colour weight only repeats
/// the searches.
/// </summary>
public sealed class QueryLookup(IImageDecoder decoder, IObjectDetector detector, ItemDescriber describer, IProductIndex index, int decodeSide)
{
    readonly List<(string ProductId, ItemKind Kind, ItemDescriptor Descriptor)> described = [];

    public int Described => described.Count;

    public async Task DescribeAsync(IReadOnlyList<(string ProductId, string Photo)> queries, Func<string, ItemKind> kindOf)
    {
        foreach (var (productId, photo) in queries)
        {
            var kind = kindOf(productId);
            described.Add((productId, kind, await DescribeAsync(decoder, detector, describer, decodeSide, photo, kind)));
        }
    }

    /// <summary>One query photo: its region of the product's kind, chosen as a catalog photo's is, described
    /// as a video region is (itself and its subject).</summary>
    public static async Task<ItemDescriptor> DescribeAsync(IImageDecoder decoder, IObjectDetector detector, ItemDescriber describer,
        int decodeSide, string photo, ItemKind kind)
    {
        var image = await decoder.DecodeAsync(await File.ReadAllBytesAsync(photo), decodeSide, CancellationToken.None);
        var region = ProductPhotoRegion.Choose(kind, detector.Detect(image), image.Width, image.Height).Region;
        return describer.Describe(image, [region])[0];
    }

    /// <summary>Each query's truth and the product ids the index ranks first, best first.</summary>
    public async Task<IReadOnlyList<(string Truth, IReadOnlyList<string> Ranked)>> SearchAsync(int k)
    {
        var results = new List<(string, IReadOnlyList<string>)>(described.Count);
        foreach (var (productId, kind, descriptor) in described)
        {
            var hits = await index.SearchAsync(kind, descriptor, k, CancellationToken.None);
            results.Add((productId, hits.Select(h => h.ProductId).ToList()));
        }
        return results;
    }
}
