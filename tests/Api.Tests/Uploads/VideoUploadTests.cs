using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>POST /videos on the real host: streamed to the videos bucket, judged by content, and processed.</summary>
public class VideoUploadTests : IAsyncLifetime
{
    readonly ApiFactory factory = new();
    HttpClient writer = null!;

    public Task InitializeAsync()
    {
        writer = factory.CreateClient(ApiFactory.WriteKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    string VideosFolder => Path.Combine(factory.Data.BucketsRoot, Buckets.Videos);

    [Fact]
    public async Task An_uploaded_video_is_stored_processed_to_completion_and_has_exactly_one_saga()
    {
        var video = UploadFixtures.SmallMp4();

        var response = await writer.PostAsync("/videos?name=clip.mp4", new ByteArrayContent(video));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
        Assert.Equal($"/videos/{accepted.Id:N}", response.Headers.Location?.OriginalString);
        Assert.Equal("uploads/clip.mp4", accepted.Key);
        Assert.Equal(video.Length, accepted.Size);
        Assert.Equal(await ContentHash.OfAsync(new MemoryStream(video)), accepted.ContentHash);
        Assert.Equal(video, File.ReadAllBytes(Path.Combine(VideosFolder, "uploads", "clip.mp4")));

        var status = await Poll.UntilAsync(async ct =>
        {
            var reply = await writer.GetAsync(accepted.Status, ct);
            var current = reply.IsSuccessStatusCode ? await reply.Content.ReadFromJsonAsync<VideoStatus>(ct) : null;
            return current?.Status.State is "Completed" or "Failed" ? current : null;
        }, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", status.Status.State);
        Assert.Equal(accepted.Id, status.Id);

        // The bucket watcher (0.5 s settle here) has seen the file long before processing ends; give a
        // late announcement time to land anyway, then count.
        await Task.Delay(1000);
        var all = await writer.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000");
        Assert.Single(all!, v => v.Video?.Key == "uploads/clip.mp4");
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_as_a_form_file_name_the_same_saga_and_store_nothing_new()
    {
        var video = UploadFixtures.SmallMp4();
        var first = await (await writer.PostAsync("/videos?name=clip.mp4", new ByteArrayContent(video)))
            .Content.ReadFromJsonAsync<VideoUploadAccepted>();

        var response = await writer.PostAsync("/videos", FormWith(video, "clip.mp4", "video/mp4"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var second = (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
        Assert.Equal(first!.Id, second.Id);
        Assert.Equal(first.Key, second.Key);
        Assert.False(first.AlreadyStored);
        Assert.True(second.AlreadyStored);
        Assert.Single(Directory.GetFiles(VideosFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_different_video_under_a_taken_name_gets_a_numbered_key_and_replaces_nothing()
    {
        var original = UploadFixtures.SmallMp4("testsrc");
        var other = UploadFixtures.SmallMp4("smptebars");
        await writer.PostAsync("/videos?name=clip.mp4", new ByteArrayContent(original));

        var response = await writer.PostAsync("/videos?name=clip.mp4", new ByteArrayContent(other));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
        Assert.Equal("uploads/clip-2.mp4", accepted.Key);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(VideosFolder, "uploads", "clip.mp4")));
        Assert.Equal(other, File.ReadAllBytes(Path.Combine(VideosFolder, "uploads", "clip-2.mp4")));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-configured-key", HttpStatusCode.Forbidden)]
    [InlineData(ApiFactory.ReadKey, HttpStatusCode.Forbidden)]
    public async Task Uploading_needs_a_key_with_the_write_scope(string? key, HttpStatusCode expected)
    {
        var response = await factory.CreateClient(key).PostAsync("/videos?name=clip.mp4", new ByteArrayContent(UploadFixtures.SmallMp4()));

        await UploadAssertions.AssertProblem(response, expected);
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task A_text_file_named_and_typed_as_a_video_is_refused_as_not_a_video_and_nothing_is_stored()
    {
        var text = new ByteArrayContent(Encoding.UTF8.GetBytes("Shopping list:\n- jacket\n- backpack\n"));
        text.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        var response = await writer.PostAsync("/videos?name=clip.mp4", text);

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("not a video (looks like text/plain)", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task An_mp4_named_and_typed_as_text_is_accepted_because_its_bytes_decide()
    {
        var video = UploadFixtures.SmallMp4();

        var response = await writer.PostAsync("/videos", FormWith(video, "notes.txt", "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
        Assert.Equal("uploads/notes.txt", accepted.Key);
        Assert.Equal(VideoSniffer.Mp4.Name, accepted.Container);
        Assert.True(File.Exists(Path.Combine(VideosFolder, "uploads", "notes.txt")));
    }

    [Fact]
    public async Task An_empty_body_or_a_form_without_a_file_is_refused_as_empty_and_nothing_is_stored()
    {
        var emptyBody = await writer.PostAsync("/videos?name=clip.mp4", new ByteArrayContent([]));
        var emptyFile = await writer.PostAsync("/videos", FormWith([], "clip.mp4", "video/mp4"));
        var noFile = await writer.PostAsync("/videos", new MultipartFormDataContent { { new StringContent("clip"), "title" } });

        foreach (var response in new[] { emptyBody, emptyFile, noFile })
        {
            var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.BadRequest);
            Assert.StartsWith("the upload is empty", problem.GetProperty("detail").GetString());
        }
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task Two_file_parts_in_one_form_are_refused_and_nothing_is_stored()
    {
        var video = UploadFixtures.SmallMp4();
        var form = FormWith(video, "a.mp4", "video/mp4");
        form.Add(new ByteArrayContent(video), "file", "b.mp4");

        var response = await writer.PostAsync("/videos", form);

        await UploadAssertions.AssertProblem(response, HttpStatusCode.BadRequest);
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task The_OpenAPI_document_names_both_upload_operations()
    {
        using var document = JsonDocument.Parse(await writer.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("UploadVideo", paths.GetProperty("/videos").GetProperty("post").GetProperty("operationId").GetString());
        var catalog = paths.GetProperty("/catalog/uploads").GetProperty("post");
        Assert.Equal("UploadCatalog", catalog.GetProperty("operationId").GetString());
        Assert.True(catalog.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }

    static MultipartFormDataContent FormWith(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
