using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Looks up the held-out query photos in the product index: decode, detect, the region of the product's
/// kind chosen as a catalog photo's is, described as a video region is (itself and its subject), then
/// search among that kind. Descriptions are kept, so trying another appearance/colour weight only repeats
/// the searches.
/// </summary>
public sealed class QueryLookup(IImageDecoder decoder, IItemFinder items, ItemDescriber describer, IProductIndex index, int decodeSide)
{
    readonly List<(string ProductId, ItemKind Kind, ItemDescriptor Descriptor)> described = [];

    public int Described => described.Count;

    public async Task DescribeAsync(IReadOnlyList<(string ProductId, string Photo)> queries, Func<string, ItemKind> kindOf)
    {
        foreach (var (productId, photo) in queries)
        {
            var image = await decoder.DecodeAsync(await File.ReadAllBytesAsync(photo), decodeSide, CancellationToken.None);
            var kind = kindOf(productId);
            var region = items.FindProduct(image, kind).Item.Region;
            described.Add((productId, kind, describer.Describe(image, [region])[0]));
        }
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
