using ShoppableVideo.Consumers.Catalog;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>The shared Luma catalog and its held-out query photos, read from ../shared/data/luma.</summary>
public sealed class LumaCatalog
{
    LumaCatalog(string folder, IReadOnlyList<LumaProduct> products, IReadOnlyList<(string ProductId, string Photo)> queries)
    {
        Folder = folder;
        Products = products;
        Queries = queries;
        ById = products.ToDictionary(p => p.ProductId, StringComparer.OrdinalIgnoreCase);
    }

    public string Folder { get; }
    public IReadOnlyList<LumaProduct> Products { get; }
    public IReadOnlyDictionary<string, LumaProduct> ById { get; }

    /// <summary>Query photos as (product id, absolute path).</summary>
    public IReadOnlyList<(string ProductId, string Photo)> Queries { get; }

    public string ManifestPath => Path.Combine(Folder, "catalog.csv");

    public string ParentOf(string productId) => ById.TryGetValue(productId, out var p) ? p.ParentSku : productId;

    public static LumaCatalog Read(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, "luma");
        var products = Rows(Path.Combine(folder, "catalog.csv"))
            .Select(r => new LumaProduct(r["product_id"], r["parent_sku"], r["category"], r["image"]))
            .ToList();
        var queries = Rows(Path.Combine(folder, "queries.csv"))
            .Select(r => (r["product_id"], Path.Combine(folder, r["image"])))
            .ToList();
        return new LumaCatalog(folder, products, queries);
    }

    static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var reader = File.OpenText(path);
        string[]? header = null;
        foreach (var (_, fields) in CsvReader.Read(reader).ToList())
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                continue;
            }
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim());
        }
    }
}

public sealed record LumaProduct(string ProductId, string ParentSku, string Category, string Image);
