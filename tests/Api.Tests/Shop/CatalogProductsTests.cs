using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Shop;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Shop;

/// <summary>The catalog as the API shows it, with the default (manifest) connector: three rows of the
/// Luma catalog indexed through the real catalog store, their photos in the catalog bucket.</summary>
public class CatalogProductsTests : IAsyncLifetime
{
    readonly ApiFactory factory = new();
    HttpClient http = null!;

    static readonly CatalogProduct[] Luma =
    [
        new(2, "MH01-Black", "Chaz Kangeroo Hoodie", 52m, "Men/Tops/Hoodies & Sweatshirts", "luma/images/mh01-black_main.jpg",
            "https://luma.example.com/chaz-kangeroo-hoodie", 4.2, "in_stock"),
        new(3, "WB01-Black", "Endeavor Daytrip Backpack", 33m, "Gear/Bags", "luma/images/wb01-black_main.jpg",
            "https://luma.example.com/endeavor-daytrip-backpack", 3.8, "out_of_stock"),
        new(4, "MH02-Black", "Teton Pullover Hoodie", 70m, "Men/Tops/Hoodies & Sweatshirts", "luma/images/mh02-black_main.jpg",
            "https://luma.example.com/teton-pullover-hoodie", Currency: "EUR"),
    ];

    public async Task InitializeAsync()
    {
        http = factory.CreateClient();
        var catalog = factory.Services.GetRequiredService<IProductCatalog>();
        foreach (var product in Luma)
            await catalog.UpsertAsync(product, "hash", default);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_catalog_lists_its_products_a_page_at_a_time_in_id_order()
    {
        var first = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?limit=2");
        var second = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?offset=2&limit=2");

        Assert.Equal(3, first!.Total);
        Assert.Equal(["MH01-Black", "MH02-Black"], first.Items.Select(p => p.Id));
        Assert.Equal(3, second!.Total);
        Assert.Equal(["WB01-Black"], second.Items.Select(p => p.Id));
        var backpack = second.Items.Single();
        Assert.Equal("Endeavor Daytrip Backpack", backpack.Name);
        Assert.Equal(33m, backpack.Price);
        Assert.Equal("Gear/Bags", backpack.Category);
        Assert.Equal("/catalog/products/WB01-Black/image", backpack.Image);
    }

    [Fact]
    public async Task A_category_narrows_the_list_and_its_total()
    {
        var page = await http.GetFromJsonAsync<CatalogProductPage>(
            $"/catalog/products?category={Uri.EscapeDataString("men/tops/hoodies & sweatshirts")}");

        Assert.Equal(2, page!.Total);
        Assert.Equal(["MH01-Black", "MH02-Black"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_search_finds_products_whose_id_or_name_contains_the_text_ignoring_case()
    {
        var byName = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?q=hoodie");
        var byId = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?q=wb01");
        var narrowed = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?q=teton&category=men/tops/hoodies%20%26%20sweatshirts");
        var none = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?q=trousers");

        Assert.Equal(["MH01-Black", "MH02-Black"], byName!.Items.Select(p => p.Id));
        Assert.Equal(["WB01-Black"], byId!.Items.Select(p => p.Id));
        Assert.Equal(["MH02-Black"], narrowed!.Items.Select(p => p.Id));
        Assert.Equal(0, none!.Total);
    }

    [Fact]
    public async Task A_price_carries_its_rows_currency_or_the_configured_default()
    {
        var page = await http.GetFromJsonAsync<CatalogProductPage>("/catalog/products");
        var teton = await http.GetFromJsonAsync<ShopProduct>("/products/MH02-Black");
        var chaz = await http.GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal("EUR", teton!.Currency);
        Assert.Equal("USD", chaz!.Currency); // ShopOptions.DefaultCurrency, unset here
        Assert.Equal(["USD", "EUR", "USD"], page!.Items.Select(p => p.Currency)); // MH01, MH02, WB01
    }

    [Theory]
    [InlineData("offset=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    public async Task Paging_outside_its_bounds_is_a_400_problem(string query)
    {
        var response = await http.GetAsync($"/catalog/products?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_product_shows_its_name_price_rating_availability_link_and_images_from_the_manifest()
    {
        var product = await http.GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal("Chaz Kangeroo Hoodie", product!.Name);
        Assert.Equal(52m, product.Price);
        Assert.Equal(4.2, product.Rating);
        Assert.Equal("in_stock", product.Availability);
        Assert.Equal("https://luma.example.com/chaz-kangeroo-hoodie", product.Url);
        Assert.Equal(["/catalog/products/MH01-Black/image"], product.Images);
        Assert.Equal(ManifestShopConnector.SourceName, product.Source);
    }

    [SharedDataFact]
    public async Task A_products_image_link_serves_the_catalog_photo()
    {
        var photo = await File.ReadAllBytesAsync(Path.Combine(SharedData.Folder!, "luma", "images", "mh01-black_main.jpg"));
        await factory.Services.GetRequiredService<IObjectStore>()
            .WriteAsync(Buckets.Catalog, "luma/images/mh01-black_main.jpg", new MemoryStream(photo));
        var product = await http.GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        var response = await http.GetAsync(product!.Images.Single());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Only_the_photos_that_manifests_name_are_served_from_the_catalog_bucket()
    {
        var store = factory.Services.GetRequiredService<IObjectStore>();
        await store.WriteAsync(Buckets.Catalog, "luma/catalog.csv", new MemoryStream("product_id,name\nsecret,row\n"u8.ToArray()));
        await store.WriteAsync(Buckets.Catalog, "luma/images/unlisted.jpg", new MemoryStream([0xFF, 0xD8, 0xFF]));

        // No route takes a bucket key: the manifest and a photo no product names cannot be asked for.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/catalog/images/luma/catalog.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/catalog/images/luma/images/unlisted.jpg")).StatusCode);
        var unknown = await http.GetAsync("/catalog/products/unlisted/image");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        // A listed product whose photo has not arrived yet says so.
        var missing = await http.GetAsync("/catalog/products/MH02-Black/image");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("is not in the catalog bucket", await missing.Content.ReadAsStringAsync());
    }
}
