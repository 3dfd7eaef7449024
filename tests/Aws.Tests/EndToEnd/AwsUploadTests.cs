using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Tests.Uploads;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Aws.Tests.Uploads;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary><c>POST /videos</c>, <c>POST /catalog/uploads</c> and <c>POST /videos/upload-url</c> on an
/// aws profile worker (its own process) against the local servers: uploads go to S3, never replace an
/// object, are refused as the embedded profile refuses them, and start the saga the S3 event names.</summary>
public class AwsUploadTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    const string Manifest = """
        product_id,name,price,category,image
        MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
        WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
        """;

    [Fact]
    public async Task A_video_uploaded_through_the_api_lands_in_s3_and_completes_as_the_one_saga_its_s3_event_names()
    {
        var deployment = await stack.DeployAsync("up-video");
        using var worker = await AwsUploads.StartAsync([.. deployment.WorkerSettings(), .. AwsUploads.AcceptingOperator]);
        var video = UploadFixtures.SmallMp4();

        var accepted = await worker.UploadVideoAsync("clip.mp4", video);

        Assert.Equal("uploads/clip.mp4", accepted.Key);
        Assert.False(accepted.AlreadyStored);
        Assert.Equal(video, await deployment.ReadAsync(Buckets.Videos, "uploads/clip.mp4"));
        // S3's own event for the object arrives too (at least once): it names the same saga.
        await deployment.AnnounceStoredAsync(Buckets.Videos, "uploads/clip.mp4");
        var done = await worker.WaitUntilFinishedAsync("uploads/clip.mp4", ProcessingTimeout);

        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{worker.Output}");
        Assert.Equal(accepted.Id, done.Id);
        Assert.Single((await worker.Http.GetFromJsonAsync<List<Api.Endpoints.VideoStatus>>("/videos"))!);
        Assert.Equal("Completed", (await deployment.SagaItemAsync(done.Id, nameof(VideoProcessingState)))["State"].S);
        Assert.Equal([ShoppableDocument.KeyFor(done.Id)], await deployment.OutputKeysAsync("shoppable.json"));
    }

    [Fact]
    public async Task Bad_uploads_get_the_same_answers_as_in_the_embedded_profile_and_nothing_lands_in_s3()
    {
        var deployment = await stack.DeployAsync("up-refused");
        string[] limits = ["--ShoppableVideo:Uploads:MaxVideoBytes=65536", .. AwsUploads.AcceptingOperator];
        using var aws = await AwsUploads.StartAsync([.. deployment.WorkerSettings(), .. limits]);
        using var embedded = await AwsUploads.StartAsync(limits);
        // As a careful client sends an upload: a body declared over the limit is then answered 413 before
        // it is sent, rather than the connection being closed on a client still sending it.
        aws.Http.DefaultRequestHeaders.ExpectContinue = embedded.Http.DefaultRequestHeaders.ExpectContinue = true;
        var large = UploadFixtures.LargeMp4();
        var text = "just some notes, not a video"u8.ToArray();
        Func<HttpContent>[] bodies =
        [
            () => new ByteArrayContent(text),
            () => new ByteArrayContent([]),
            () => new ByteArrayContent(large),            // declared over the limit
            () => new UnknownLengthContent(large),        // found over the limit while it streams
        ];
        var catalogWithAPdf = () => new MultipartFormDataContent
        {
            { new StringContent("summer"), "catalog" },
            { new ByteArrayContent("%PDF-1.7 not a photo"u8.ToArray()), "images", "images/mh01-black.jpg" },
            { new StringContent(Manifest), "manifest", "manifest.csv" },
        };

        var answers = new List<(HttpStatusCode Status, string Problem)>();
        foreach (var body in bodies)
        {
            var fromAws = await ProblemAsync(await aws.Http.PostAsync("/videos?name=clip.mp4", body()));
            Assert.Equal(await ProblemAsync(await embedded.Http.PostAsync("/videos?name=clip.mp4", body())), fromAws);
            answers.Add(fromAws);
        }
        var catalogFromAws = await ProblemAsync(await aws.Http.PostAsync("/catalog/uploads", catalogWithAPdf()));
        Assert.Equal(await ProblemAsync(await embedded.Http.PostAsync("/catalog/uploads", catalogWithAPdf())), catalogFromAws);
        answers.Add(catalogFromAws);

        Assert.Equal([HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge,
            HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType], answers.Select(a => a.Status));
        Assert.Contains("not a video (looks like text/plain)", answers[0].Problem);
        Assert.Contains("images/mh01-black.jpg", answers[4].Problem);
        Assert.Empty(await deployment.KeysAsync(Buckets.Videos));
        Assert.Empty(await deployment.KeysAsync(Buckets.Catalog));
    }

    [Fact]
    public async Task Different_bytes_never_replace_an_object_in_s3()
    {
        var deployment = await stack.DeployAsync("up-no-replace");
        using var worker = await AwsUploads.StartAsync([.. deployment.WorkerSettings(), .. AwsUploads.AcceptingOperator]);
        var original = UploadFixtures.SmallMp4();
        var other = UploadFixtures.SmallMp4("smptebars");

        var first = await worker.UploadVideoAsync("clip.mp4", original);
        var second = await worker.UploadVideoAsync("clip.mp4", other);
        var again = await worker.UploadVideoAsync("clip.mp4", original);

        Assert.Equal(("uploads/clip.mp4", "uploads/clip-2.mp4"), (first.Key, second.Key));
        Assert.Equal((first.Id, first.Key, true), (again.Id, again.Key, again.AlreadyStored));
        Assert.Equal(original, await deployment.ReadAsync(Buckets.Videos, "uploads/clip.mp4"));
        Assert.Equal(other, await deployment.ReadAsync(Buckets.Videos, "uploads/clip-2.mp4"));

        // A catalog photo already in the bucket, put there some other way, with different bytes.
        var existing = UploadFixtures.Make("other.jpg", "-f", "lavfi", "-i", "smptebars=size=320x240", "-frames:v", "1");
        await deployment.Stack.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = deployment.Buckets[Buckets.Catalog], Key = "summer/images/mh01-black.jpg", InputStream = new MemoryStream(existing),
        });
        var catalog = await worker.Http.PostAsync("/catalog/uploads", new MultipartFormDataContent
        {
            { new StringContent("summer"), "catalog" },
            { new ByteArrayContent(UploadFixtures.Jpeg()), "images", "images/mh01-black.jpg" },
            { new ByteArrayContent(UploadFixtures.Jpeg()), "images", "images/wb01-black.jpg" },
            { new StringContent(Manifest), "manifest", "manifest.csv" },
        });

        var (status, problem) = await ProblemAsync(catalog);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("summer/images/mh01-black.jpg", problem);
        Assert.Equal(existing, await deployment.ReadAsync(Buckets.Catalog, "summer/images/mh01-black.jpg"));
        Assert.Equal(["summer/images/mh01-black.jpg"], await deployment.KeysAsync(Buckets.Catalog));
    }

    [Fact]
    public async Task A_presigned_url_takes_a_plain_http_put_and_the_s3_event_for_it_completes_the_video()
    {
        var deployment = await stack.DeployAsync("up-presigned");
        using var worker = await AwsUploads.StartAsync([.. deployment.WorkerSettings(), .. AwsUploads.AcceptingOperator]);
        var video = UploadFixtures.SmallMp4();
        var askedAt = DateTimeOffset.UtcNow;

        var answer = await worker.Http.PostAsJsonAsync("/videos/upload-url",
            new VideoUploadUrlRequest("direct clip.mp4", video.Length, "video/mp4"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var url = (await answer.Content.ReadFromJsonAsync<VideoUploadUrl>())!;
        Assert.Equal(("PUT", "uploads/direct_clip.mp4"), (url.Method, url.Key));
        Assert.InRange(url.ExpiresAt, askedAt, DateTimeOffset.UtcNow + new UploadOptions().UploadUrlLifetime);
        var put = await new HttpClient().SendAsync(S3PresignedUploadTests.PutRequest(new PresignedUpload(url.Url, url.Headers), video));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(video, await deployment.ReadAsync(Buckets.Videos, url.Key));

        await deployment.AnnounceStoredAsync(Buckets.Videos, url.Key);
        var done = await worker.WaitUntilFinishedAsync(url.Key, ProcessingTimeout);

        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{worker.Output}");
        var head = await deployment.Stack.S3.GetObjectMetadataAsync(deployment.Buckets[Buckets.Videos], url.Key);
        Assert.Equal(ObjectEvents.SagaIdFor(new(Buckets.Videos, url.Key, video.Length, S3ObjectEvents.ETagPrefix + head.ETag.Trim('"'))), done.Id);
        // The name is taken now: the next URL for it points at the next numbered key, as POST /videos would.
        var next = await worker.Http.PostAsJsonAsync("/videos/upload-url", new VideoUploadUrlRequest("direct clip.mp4", 10, "video/mp4"));
        Assert.Equal("uploads/direct_clip-2.mp4", (await next.Content.ReadFromJsonAsync<VideoUploadUrl>())!.Key);
    }

    [Fact]
    public async Task A_presigned_url_is_refused_for_what_post_videos_would_refuse()
    {
        var deployment = await stack.DeployAsync("up-url-limits");
        using var worker = await AwsUploads.StartAsync([.. deployment.WorkerSettings(), .. AwsUploads.AcceptingOperator]);
        (long Size, string ContentType, HttpStatusCode Expected)[] cases =
        [
            (new UploadOptions().MaxVideoBytes + 1, "video/mp4", HttpStatusCode.RequestEntityTooLarge),
            (0, "video/mp4", HttpStatusCode.BadRequest),
            (1000, "text/plain", HttpStatusCode.UnsupportedMediaType),
            (1000, "video/*", HttpStatusCode.UnsupportedMediaType),
        ];

        foreach (var (size, contentType, expected) in cases)
        {
            var answer = await worker.Http.PostAsJsonAsync("/videos/upload-url", new VideoUploadUrlRequest("clip.mp4", size, contentType));
            Assert.Equal((size, contentType, expected), (size, contentType, (await ProblemAsync(answer)).Status));
        }
    }

    /// <summary>The answer as a client sees it: its status and its problem document (title, detail, and
    /// for a catalog the parts it refused), without the trace id that differs between hosts.</summary>
    static async Task<(HttpStatusCode Status, string Problem)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var comparable = problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value);
        return (response.StatusCode, JsonSerializer.Serialize(comparable));
    }
}
