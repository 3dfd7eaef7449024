using System.Net;
using System.Net.Http.Json;
using System.Text;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>POST /catalog/uploads on the real host: photos and a manifest in one form, all or nothing.</summary>
public class CatalogUploadTests : IAsyncLifetime
{
    const string Manifest = """
        product_id,name,price,category,image
        MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
        WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
        """;

    readonly ApiFactory factory = new();
    HttpClient writer = null!;

    public Task InitializeAsync()
    {
        writer = factory.CreateClient(ApiFactory.WriteKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    string CatalogFolder => Path.Combine(factory.Data.BucketsRoot, Buckets.Catalog);

    [SharedDataFact]
    public async Task Luma_photos_and_their_manifest_are_stored_and_the_batch_ingests_those_products()
    {
        var luma = Path.Combine(SharedData.Folder!, "luma", "images");
        var form = CatalogForm("summer", Manifest,
            ("images/mh01-black.jpg", File.ReadAllBytes(Path.Combine(luma, "mh01-black_main.jpg"))),
            ("images/wb01-black.jpg", File.ReadAllBytes(Path.Combine(luma, "wb01-black_main.jpg"))));

        var response = await writer.PostAsync("/catalog/uploads", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<CatalogUploadAccepted>())!;
        Assert.Equal($"/catalog/batches/{accepted.Id:N}", response.Headers.Location?.OriginalString);
        Assert.Equal("summer/manifest.csv", accepted.Manifest);
        Assert.Equal(["summer/images/mh01-black.jpg", "summer/images/wb01-black.jpg"], accepted.Images.Select(i => i.Key));
        Assert.All(accepted.Images, i => Assert.Equal("Jpeg", i.Format));
        Assert.True(File.Exists(Path.Combine(CatalogFolder, "summer", "images", "mh01-black.jpg")));

        var batch = await Poll.UntilAsync(async ct =>
        {
            var reply = await writer.GetAsync(accepted.Status, ct);
            var current = reply.IsSuccessStatusCode ? await reply.Content.ReadFromJsonAsync<CatalogBatchStatus>(ct) : null;
            return current?.Status.State is "Completed" or "Failed" ? current : null;
        }, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(2, batch.Products);
        Assert.Equal(2, batch.Ingested);
        Assert.Empty(batch.Errors);
        var products = Path.Combine(factory.Data.BucketsRoot, Buckets.Output, "catalog", "products");
        Assert.True(File.Exists(Path.Combine(products, "MH01-Black.json")));
        Assert.True(File.Exists(Path.Combine(products, "WB01-Black.json")));
    }

    [Fact]
    public async Task A_text_file_among_the_photos_refuses_the_whole_upload_naming_that_part_and_stores_nothing()
    {
        var form = CatalogForm("summer", Manifest,
            ("images/mh01-black.jpg", UploadFixtures.Jpeg()),
            ("images/wb01-black.jpg", Encoding.UTF8.GetBytes("just some notes, not a photo\n")));

        var response = await writer.PostAsync("/catalog/uploads", form);

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        var rejected = problem.GetProperty("rejected").EnumerateArray().ToList();
        var only = Assert.Single(rejected);
        Assert.Equal("images 'images/wb01-black.jpg'", only.GetProperty("part").GetString());
        Assert.StartsWith("not an image (unknown format", only.GetProperty("reason").GetString());
        Assert.EndsWith("looks like text/plain)", only.GetProperty("reason").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Catalog);
    }

    [Fact]
    public async Task A_binary_manifest_is_refused_as_not_text_and_nothing_is_stored()
    {
        var form = CatalogForm("summer", null, ("images/a.jpg", UploadFixtures.Jpeg()));
        form.Add(new ByteArrayContent(UploadFixtures.Jpeg()), "manifest", "manifest.csv");

        var response = await writer.PostAsync("/catalog/uploads", form);

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("manifest 'manifest.csv': the manifest is not UTF-8 text", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Catalog);
    }

    [Fact]
    public async Task A_manifest_without_a_product_id_header_is_refused_as_a_bad_request()
    {
        var form = CatalogForm("summer", "name,price\nHoodie,52\n", ("images/a.jpg", UploadFixtures.Jpeg()));

        var response = await writer.PostAsync("/catalog/uploads", form);

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("no product_id column", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Catalog);
    }

    [Fact]
    public async Task A_photo_that_would_replace_a_different_stored_file_refuses_the_upload_with_409()
    {
        Directory.CreateDirectory(Path.Combine(CatalogFolder, "summer", "images"));
        var existing = Path.Combine(CatalogFolder, "summer", "images", "mh01-black.jpg");
        File.WriteAllBytes(existing, UploadFixtures.Make("other.jpg", "-f", "lavfi", "-i", "smptebars=size=320x240", "-frames:v", "1"));
        var before = File.ReadAllBytes(existing);

        var response = await writer.PostAsync("/catalog/uploads", CatalogForm("summer", Manifest,
            ("images/mh01-black.jpg", UploadFixtures.Jpeg()), ("images/wb01-black.jpg", UploadFixtures.Jpeg())));

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.Conflict);
        Assert.Contains("summer/images/mh01-black.jpg", problem.GetProperty("detail").GetString());
        Assert.Equal(before, File.ReadAllBytes(existing));
        Assert.False(File.Exists(Path.Combine(CatalogFolder, "summer", "images", "wb01-black.jpg")));
        Assert.False(File.Exists(Path.Combine(CatalogFolder, "summer", "manifest.csv")));
    }

    [Fact]
    public async Task A_form_without_any_file_is_refused_as_empty()
    {
        var response = await writer.PostAsync("/catalog/uploads", new MultipartFormDataContent { { new StringContent("summer"), "catalog" } });

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("the upload is empty", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-configured-key", HttpStatusCode.Forbidden)]
    [InlineData(ApiFactory.ReadKey, HttpStatusCode.Forbidden)]
    public async Task Uploading_a_catalog_needs_a_key_with_the_write_scope(string? key, HttpStatusCode expected)
    {
        var response = await factory.CreateClient(key).PostAsync("/catalog/uploads",
            CatalogForm("summer", Manifest, ("images/mh01-black.jpg", UploadFixtures.Jpeg())));

        await UploadAssertions.AssertProblem(response, expected);
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Catalog);
    }

    static MultipartFormDataContent CatalogForm(string catalog, string? manifest, params (string Name, byte[] Bytes)[] images)
    {
        var form = new MultipartFormDataContent { { new StringContent(catalog), "catalog" } };
        foreach (var (name, bytes) in images)
            form.Add(new ByteArrayContent(bytes), "images", name);
        if (manifest is not null)
            form.Add(new StringContent(manifest), "manifest", "manifest.csv");
        return form;
    }
}
