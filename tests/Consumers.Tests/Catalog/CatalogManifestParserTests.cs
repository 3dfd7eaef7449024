using ShoppableVideo.Consumers.Catalog;

namespace ShoppableVideo.Consumers.Tests.Catalog;

public class CatalogManifestParserTests
{
    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_the_rest_are_kept()
    {
        const string csv = """
            product_id,name,price,category,image
            MH01-Black,"Chaz Hoodie, black",52,Men/Tops,images/mh01.jpg
            ,Nameless,10,Men/Tops,images/x.jpg
            MH02-Gray,Teton,abc,Men/Tops,images/mh02.jpg
            MH01-Black,Duplicate,52,Men/Tops,images/mh01.jpg
            MH03-Blue,Escape,12,Men/Tops,../secrets.jpg
            MH04-Red,"Multi
            line name",30,Men/Tops,images/mh04.jpg
            """;

        var (products, errors) = CatalogManifestParser.Parse("luma/catalog.csv", new StringReader(csv));

        Assert.Equal(["MH01-Black", "MH04-Red"], products.Select(p => p.ProductId));
        Assert.Equal("luma/images/mh01.jpg", products[0].ImageKey);
        Assert.Equal("Chaz Hoodie, black", products[0].Name);
        Assert.Equal(7, products[1].Line);
        Assert.Equal([3, 4, 5, 6], errors.Select(e => e.Line));
        Assert.Contains("product_id", errors[0].Reason);
        Assert.Contains("price 'abc'", errors[1].Reason);
        Assert.Contains("already on line 2", errors[2].Reason);
        Assert.Contains("'..'", errors[3].Reason);
    }

    [Fact]
    public void A_json_manifest_gives_the_same_products_as_csv()
    {
        const string json = """[{"product_id":"WB01","name":"Bag","price":40.5,"category":"Gear/Bags","image":"img/wb01.jpg","url":"https://shop.example/wb01"}]""";

        var (products, errors) = CatalogManifestParser.Parse("drops/manifest.json", new StringReader(json));

        Assert.Empty(errors);
        var product = Assert.Single(products);
        Assert.Equal(("WB01", 40.5m, "drops/img/wb01.jpg", "https://shop.example/wb01"),
            (product.ProductId, product.Price, product.ImageKey, product.Url));
    }

    [Fact]
    public void A_manifest_without_a_product_id_column_is_refused_whole()
    {
        Assert.Throws<FormatException>(() =>
            CatalogManifestParser.Parse("c.csv", new StringReader("name,price\nx,1\n")));
    }

    [Fact]
    public void Url_rating_and_availability_are_kept_when_given_and_a_bad_rating_is_a_bad_row()
    {
        const string csv = """
            product_id,name,price,category,image,url,rating,availability
            MH01,Hoodie,52,Men/Tops,a.jpg,https://shop.example/mh01,4.5,in stock
            MH02,Tee,20,Men/Tops,b.jpg,,,
            MH03,Jacket,80,Men/Tops,c.jpg,,five,
            """;

        var (products, errors) = CatalogManifestParser.Parse("catalog.csv", new StringReader(csv));

        Assert.Equal(("https://shop.example/mh01", 4.5, "in stock"), (products[0].Url, products[0].Rating, products[0].Availability));
        Assert.Equal((null, null, null), (products[1].Url, products[1].Rating, products[1].Availability));
        Assert.Equal(4, Assert.Single(errors).Line);
        Assert.Contains("rating 'five'", errors[0].Reason);
    }

    [Fact]
    public void A_currency_column_is_optional_upper_cased_and_must_be_a_three_letter_code()
    {
        const string csv = """
            product_id,name,price,category,image,currency
            MH01,Hoodie,52,Men/Tops,a.jpg,eur
            MH02,Tee,20,Men/Tops,b.jpg,
            MH03,Jacket,80,Men/Tops,c.jpg,euro
            """;

        var (products, errors) = CatalogManifestParser.Parse("catalog.csv", new StringReader(csv));

        Assert.Equal(["EUR", null], products.Select(p => p.Currency));
        Assert.Equal(4, Assert.Single(errors).Line);
        Assert.Contains("currency 'euro'", errors[0].Reason);
    }

    [Fact]
    public void A_product_link_must_be_an_absolute_http_or_https_address_so_no_script_reaches_a_browser()
    {
        const string csv = """
            product_id,name,price,category,image,url
            MH01,Hoodie,52,Men/Tops,a.jpg,http://shop.example/mh01
            MH02,Tee,20,Men/Tops,b.jpg,javascript:alert(document.cookie)
            MH03,Jacket,80,Men/Tops,c.jpg,data:text/html;base64,PHNjcmlwdD4=
            MH04,Pants,60,Men/Bottoms,d.jpg,/products/mh04
            MH05,Shorts,30,Men/Bottoms,e.jpg,HTTPS://Shop.Example/mh05
            """;

        var (products, errors) = CatalogManifestParser.Parse("catalog.csv", new StringReader(csv));

        Assert.Equal(["MH01", "MH05"], products.Select(p => p.ProductId));
        Assert.Equal([3, 4, 5], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Contains("is not an absolute http or https address", e.Reason));
    }

    [Fact]
    public void A_manifest_missing_a_required_column_reports_every_row_by_line()
    {
        const string csv = """
            product_id,name,price,image
            MH01,Hoodie,52,a.jpg
            MH02,Tee,20,b.jpg
            """;

        var (products, errors) = CatalogManifestParser.Parse("catalog.csv", new StringReader(csv));

        Assert.Empty(products);
        Assert.Equal([2, 3], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Contains("category", e.Reason));
    }
}
