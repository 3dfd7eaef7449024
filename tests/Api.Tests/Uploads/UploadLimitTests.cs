using System.Net;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>Size limits, set small through configuration: refused up front when the length is declared,
/// and while streaming when it is not, with nothing left behind either way.</summary>
public class UploadLimitTests : IAsyncLifetime
{
    const int Limit = 64 * 1024;

    readonly ApiFactory factory = new(settings: new Dictionary<string, string?>
    {
        [$"{UploadOptions.Section}:{nameof(UploadOptions.MaxVideoBytes)}"] = $"{Limit}",
        [$"{UploadOptions.Section}:{nameof(UploadOptions.MaxImageBytes)}"] = $"{Limit}",
    });

    HttpClient writer = null!;

    public Task InitializeAsync()
    {
        writer = factory.CreateClient(ApiFactory.WriteKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_video_declaring_more_than_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var video = UploadFixtures.LargeMp4();
        Assert.True(video.Length > Limit);

        var response = await writer.PostAsync("/videos?name=large.mp4", new ByteArrayContent(video));

        await UploadAssertions.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task A_chunked_video_without_a_length_is_cut_off_at_the_limit_with_413_and_its_partial_file_is_deleted()
    {
        var video = UploadFixtures.LargeMp4();
        var content = new UnknownLengthContent(video);
        Assert.Null(content.Headers.ContentLength);

        var response = await writer.PostAsync("/videos?name=large.mp4", content);

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{Limit} bytes", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task A_video_just_under_the_limit_is_accepted()
    {
        var video = UploadFixtures.SmallMp4();
        Assert.True(video.Length <= Limit);

        var response = await writer.PostAsync("/videos?name=small.mp4", new UnknownLengthContent(video));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_catalog_photo_over_the_per_file_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var photo = UploadFixtures.LargeJpeg();
        Assert.True(photo.Length > Limit);
        var form = new MultipartFormDataContent
        {
            { new StringContent("big"), "catalog" },
            { new ByteArrayContent(photo), "images", "images/noisy.jpg" },
            { new StringContent("product_id,name,price,category,image\nP1,Noise,1,Misc,images/noisy.jpg\n"), "manifest", "manifest.csv" },
        };

        var response = await writer.PostAsync("/catalog/uploads", new UnknownLengthContent(await form.ReadAsByteArrayAsync())
        {
            Headers = { ContentType = form.Headers.ContentType },
        });

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("images/noisy.jpg", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Catalog);
    }
}
