using ShoppableVideo.Api.Shop;

namespace ShoppableVideo.Api.Tests.Shop;

public class ShopAddressTests
{
    static ShopOptions Options(string template, params string[] hosts) => new()
    {
        Connector = ShopOptions.HttpConnector,
        UrlTemplate = template,
        AllowedHosts = [.. hosts],
    };

    [Fact]
    public void The_id_is_escaped_so_it_cannot_change_the_path_the_query_or_the_host()
    {
        var (url, refusal) = ShopAddress.For(Options("https://shop.example.com/api/products/{id}", "shop.example.com"), "a/../b?x=1#frag @evil.com");

        Assert.Null(refusal);
        Assert.Equal("shop.example.com", url!.Host);
        Assert.Equal("/api/products/a%2F..%2Fb%3Fx%3D1%23frag%20%40evil.com", url.AbsolutePath);
        Assert.Empty(url.Query);
    }

    [Fact]
    public void The_host_is_judged_after_the_id_is_put_in()
    {
        var options = Options("https://{id}.shop.example.com/p", "mh01.shop.example.com");

        Assert.Null(ShopAddress.For(options, "mh01").Refusal);
        Assert.Contains("not in", ShopAddress.For(options, "evil").Refusal);
    }

    [Theory]
    [InlineData("https://other.example.com/p/{id}", "not in")]
    [InlineData("https://shop.example.com.evil.com/p/{id}", "not in")]
    [InlineData("ftp://shop.example.com/p/{id}", "neither http nor https")]
    [InlineData("file:///etc/{id}", "neither http nor https")]
    [InlineData("https://user:secret@shop.example.com/p/{id}", "user information")]
    public void Urls_the_shop_settings_do_not_allow_are_refused(string template, string reason) =>
        Assert.Contains(reason, ShopAddress.For(Options(template, "shop.example.com"), "MH01").Refusal);

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_segments_as_ids_are_refused(string id) =>
        Assert.NotNull(ShopAddress.For(Options("https://shop.example.com/p/{id}", "shop.example.com"), id).Refusal);

    [Fact]
    public void Allowed_hosts_match_ignoring_case_and_ipv6_brackets()
    {
        Assert.Null(ShopAddress.For(Options("https://SHOP.example.com/p/{id}", "shop.EXAMPLE.com"), "x").Refusal);
        Assert.Null(ShopAddress.For(Options("http://[::1]:8080/p/{id}", "::1"), "x").Refusal);
    }
}
