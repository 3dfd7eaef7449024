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

    /// <summary>The products whose photo is in the folder, in manifest order.</summary>
    public IReadOnlyList<LumaProduct> ProductsWithPhotos => Products.Where(p => File.Exists(Path.Combine(Folder, p.Image))).ToList();

    /// <summary>The query photos with their products' categories, for framing them in a lookbook.</summary>
    public IReadOnlyList<LookbookQuery> LookbookQueries => Queries.Select(q => new LookbookQuery(q.ProductId, q.Photo, ById[q.ProductId].Category)).ToList();

    /// <summary>What the model in the fence video wears is close to these: a women's top whose colour is green.</summary>
    public IReadOnlySet<string> WomensGreenTops => Products
        .Where(p => p.Category.StartsWith("Women/Tops", StringComparison.OrdinalIgnoreCase) && string.Equals(p.Color, "Green", StringComparison.OrdinalIgnoreCase))
        .Select(p => p.ProductId).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public string NameOf(string productId) => ById.TryGetValue(productId, out var p) ? p.Name : "?";

    public string ParentOf(string productId) => ById.TryGetValue(productId, out var p) ? p.ParentSku : productId;

    public static LumaCatalog Read(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, "luma");
        var products = Rows(Path.Combine(folder, "catalog.csv"))
            .Select(r => new LumaProduct(r["product_id"], r["parent_sku"], r["name"], r["color"], r["category"], r["image"]))
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

public sealed record LumaProduct(string ProductId, string ParentSku, string Name, string Color, string Category, string Image);
