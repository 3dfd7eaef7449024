using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>POST /videos/upload-url in the embedded profile: folder buckets cannot sign a URL, so it is a
/// 404 problem that says which profile can (the aws profile's URLs are tested in Aws.Tests).</summary>
public class VideoUploadUrlTests : IAsyncLifetime
{
    readonly ApiFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_presigned_url_asked_of_the_embedded_profile_is_a_404_problem_naming_the_aws_profile()
    {
        var response = await factory.CreateClient(ApiFactory.WriteKey).PostAsJsonAsync("/videos/upload-url",
            new VideoUploadUrlRequest("clip.mp4", 1000, "video/mp4"));

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Equal("Presigned uploads need the aws profile", problem.GetProperty("title").GetString());
        Assert.Contains("POST the video to /videos", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(factory.Data, Buckets.Videos);
    }

    [Fact]
    public async Task Asking_for_a_presigned_url_needs_a_key_with_the_write_scope()
    {
        var response = await factory.CreateClient(ApiFactory.ReadKey).PostAsJsonAsync("/videos/upload-url",
            new VideoUploadUrlRequest("clip.mp4", 1000, "video/mp4"));

        await UploadAssertions.AssertProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_upload_url_operation_and_its_answer()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/videos/upload-url").GetProperty("post");

        Assert.Equal("CreateVideoUploadUrl", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(operation.TryGetProperty("security", out _));
        foreach (var status in new[] { "200", "404", "413", "415" })
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), status);
    }
}
