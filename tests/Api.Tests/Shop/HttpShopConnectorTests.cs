using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Shop;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Shop;

/// <summary>The HTTP connector in the real host against a real shop on a loopback port. The shop is on
/// loopback, so the tests that expect answers from it allow private networks, as a shop on your own
/// network would need.</summary>
public class HttpShopConnectorTests : IAsyncLifetime
{
    FakeShop shop = null!;

    public async Task InitializeAsync() => shop = await FakeShop.StartAsync();

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task Details_come_from_the_shop_and_links_a_player_cannot_safely_use_are_dropped()
    {
        await using var factory = await HostWithProductAsync(Settings(shop.Template("/api/products"), allowPrivate: true), "MH01-Black");

        var product = await factory.CreateClient().GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.NotNull(product);
        Assert.Equal(HttpShopConnector.SourceName, product.Source);
        Assert.Equal("Live MH01-Black", product.Name);
        Assert.Equal(41.5m, product.Price);
        Assert.Equal("EUR", product.Currency);
        Assert.Equal(4.5, product.Rating);
        Assert.Equal("in_stock", product.Availability);
        Assert.Equal("https://shop.example.com/p/MH01-Black", product.Url);
        Assert.Equal(["https://cdn.example.com/MH01-Black/1.jpg"], product.Images);
        Assert.Equal(1, shop.Requests);
    }

    [Fact]
    public async Task A_second_request_within_the_cache_window_does_not_reach_the_shop()
    {
        await using var factory = await HostWithProductAsync(Settings(shop.Template("/api/products"), allowPrivate: true), "MH01-Black");
        var http = factory.CreateClient();

        var first = await http.GetFromJsonAsync<ShopProduct>("/products/MH01-Black");
        var second = await http.GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal(HttpShopConnector.SourceName, first!.Source);
        Assert.Equal(HttpShopConnector.SourceName, second!.Source);
        Assert.Equal(first.Name, second.Name);
        Assert.Equal(1, shop.Requests);
    }

    [Fact]
    public async Task A_slow_shop_gets_the_manifest_facts_answered_instead_of_an_error()
    {
        var settings = Settings(shop.Template("/slow/products"), allowPrivate: true);
        settings[$"{ShopOptions.Section}:Timeout"] = "00:00:00.5";
        await using var factory = await HostWithProductAsync(settings, "MH01-Black");

        var clock = Stopwatch.StartNew();
        var response = await factory.CreateClient().GetAsync("/products/MH01-Black");
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = await response.Content.ReadFromJsonAsync<ShopProduct>();
        Assert.Equal("manifest (shop timed out)", product!.Source);
        Assert.Equal("Chaz Kangeroo Hoodie", product.Name);
        Assert.Equal(52m, product.Price);
        Assert.Equal(1, shop.Requests);
        // The shop takes a minute; the answer did not wait for it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_host_outside_the_allowlist_is_refused_before_any_request()
    {
        var settings = Settings(shop.Template("/api/products"), allowPrivate: true);
        settings[$"{ShopOptions.Section}:AllowedHosts:0"] = "shop.example.com";
        await using var factory = await HostWithProductAsync(settings, "MH01-Black");

        var product = await factory.CreateClient().GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal("manifest (shop refused)", product!.Source);
        Assert.Equal("Chaz Kangeroo Hoodie", product.Name);
        Assert.Equal(0, shop.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task An_allowlisted_host_on_a_private_address_is_refused_unless_private_networks_are_allowed(string host)
    {
        var template = shop.Template("/api/products").Replace("127.0.0.1", host);
        var settings = Settings(template, allowPrivate: false);
        settings[$"{ShopOptions.Section}:AllowedHosts:0"] = host;
        await using var factory = await HostWithProductAsync(settings, "MH01-Black");

        var product = await factory.CreateClient().GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal("manifest (shop refused)", product!.Source);
        Assert.Equal(0, shop.Requests);
    }

    [Fact]
    public async Task A_product_the_shop_does_not_have_keeps_the_manifest_facts_and_says_so()
    {
        await using var factory = await HostWithProductAsync(Settings(shop.Template("/api/products"), allowPrivate: true), "GONE-1");

        var product = await factory.CreateClient().GetFromJsonAsync<ShopProduct>("/products/GONE-1");

        Assert.Equal("manifest (not in shop)", product!.Source);
        Assert.Equal(1, shop.Requests);
    }

    [Theory]
    [InlineData("/broken/products")]
    [InlineData("/moved/products")]
    public async Task A_shop_that_answers_nonsense_or_redirects_gets_the_manifest_facts_answered(string path)
    {
        await using var factory = await HostWithProductAsync(Settings(shop.Template(path), allowPrivate: true), "MH01-Black");

        var product = await factory.CreateClient().GetFromJsonAsync<ShopProduct>("/products/MH01-Black");

        Assert.Equal("manifest (shop unavailable)", product!.Source);
        // A redirect is not followed, not even to the same host.
        Assert.Equal(1, shop.Requests);
    }

    [Fact]
    public async Task A_product_the_catalog_does_not_know_is_404_and_never_sent_to_the_shop()
    {
        await using var factory = await HostWithProductAsync(Settings(shop.Template("/api/products"), allowPrivate: true), "MH01-Black");

        var response = await factory.CreateClient().GetAsync("/products/WB01-Black");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, shop.Requests);
    }

    [Fact]
    public async Task Settings_that_cannot_work_stop_the_host_at_start_up()
    {
        var settings = Settings(shop.Template("/api/products"), allowPrivate: true);
        settings.Remove($"{ShopOptions.Section}:AllowedHosts:0");
        await using var factory = new ApiFactory(settings: settings);

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("AllowedHosts is empty", error.Message);
    }

    static Dictionary<string, string?> Settings(string template, bool allowPrivate) => new()
    {
        [$"{ShopOptions.Section}:Connector"] = ShopOptions.HttpConnector,
        [$"{ShopOptions.Section}:UrlTemplate"] = template,
        [$"{ShopOptions.Section}:AllowedHosts:0"] = "127.0.0.1",
        [$"{ShopOptions.Section}:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        // Far above what a loaded machine takes for a first request, so only the slow-shop test (which sets
        // its own) ever times out: under two CPU hogs the 2 s default turned a broken answer into a timeout.
        [$"{ShopOptions.Section}:Timeout"] = "00:00:30",
    };

    static async Task<ApiFactory> HostWithProductAsync(Dictionary<string, string?> settings, string productId)
    {
        var factory = new ApiFactory(settings: settings);
        var catalog = factory.Services.GetRequiredService<IProductCatalog>();
        await catalog.UpsertAsync(new CatalogProduct(2, productId, "Chaz Kangeroo Hoodie", 52m, "Men/Tops/Hoodies",
            $"luma/images/{productId.ToLowerInvariant()}_main.jpg", "https://luma.example.com/mh01", 4.0, "in_stock"), "hash", default);
        return factory;
    }
}
