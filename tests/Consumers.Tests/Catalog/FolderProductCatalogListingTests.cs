using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Catalog;

public class FolderProductCatalogListingTests
{
    [Fact]
    public async Task Pages_come_in_product_id_order_with_the_total_and_a_category_narrows_both()
    {
        using var temp = new TempStore();
        var catalog = new FolderProductCatalog(temp.Store);
        foreach (var (id, category) in new[] { ("WB01/Black", "Gear/Bags"), ("MH02-Gray", "Men/Tops"), ("MH01-Black", "Men/Tops"), ("WS03-Blue", "Women/Tops") })
            await catalog.UpsertAsync(new CatalogProduct(1, id, $"Name of {id}", 10m, category, $"images/{id}.jpg", null), "hash", default);

        var first = await catalog.ListAsync(0, 2, ProductFilter.All, default);
        var second = await catalog.ListAsync(2, 2, ProductFilter.All, default);
        var tops = await catalog.ListAsync(1, 10, new ProductFilter(Category: "men/tops"), default);

        Assert.Equal(4, first.Total);
        Assert.Equal(["MH01-Black", "MH02-Gray"], first.Entries.Select(e => e.Product.ProductId));
        Assert.Equal(["WB01/Black", "WS03-Blue"], second.Entries.Select(e => e.Product.ProductId));
        Assert.Equal(2, tops.Total);
        Assert.Equal(["MH02-Gray"], tops.Entries.Select(e => e.Product.ProductId));
        Assert.Empty((await catalog.ListAsync(10, 5, ProductFilter.All, default)).Entries);
    }
}
