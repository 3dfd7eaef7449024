using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Rematch;

/// <summary>Drops one more manifest (with its photos) into the catalog bucket beside the ones already there,
/// as a shop adds a "new in" list: its products join the index, and nothing the other manifests list leaves.</summary>
public static class CatalogDrops
{
    public static async Task DropManifestAsync(DataDirectory data, string name, IReadOnlyList<Lookbook.Product> products)
    {
        var shop = Path.Combine(data.BucketsRoot, "catalog", "shop");
        Directory.CreateDirectory(Path.Combine(shop, "images"));
        foreach (var product in products)
        {
            var target = Path.Combine(shop, "images", product.Image);
            if (!File.Exists(target))
                File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", product.Image), target);
        }
        var staged = Path.Combine(data.Root, name);
        await File.WriteAllLinesAsync(staged,
        [
            "product_id,name,price,category,image,url,rating,availability",
            .. products.Select(p => $"{p.Id},{p.Name},52,{p.Category},images/{p.Image},{p.Url},4.5,in stock"),
        ]);
        File.Move(staged, Path.Combine(shop, name));
    }
}
