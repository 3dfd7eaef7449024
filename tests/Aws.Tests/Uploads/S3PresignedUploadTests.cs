using System.Globalization;
using System.Net;
using System.Web;
using ShoppableVideo.Aws.Tests.Storage;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Uploads;

/// <summary>Presigned PUT URLs from <see cref="S3ObjectStore"/>, used by a plain HTTP client against fauxqs.</summary>
public class S3PresignedUploadTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    static readonly HttpClient Http = new();

    [Fact]
    public async Task The_url_is_signed_for_one_put_of_that_content_type_creating_the_key_only_until_it_expires()
    {
        var (store, _) = await s3.NewStoreAsync();
        var expiresAt = DateTime.UtcNow.AddMinutes(15);

        var upload = store.PresignPut(Buckets.Videos, "uploads/clip.mp4", "video/mp4", expiresAt);

        var query = HttpUtility.ParseQueryString(upload.Url.Query);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal(["content-type", "host", "if-none-match"], query["X-Amz-SignedHeaders"]!.Split(';').Order());
        // Signed at X-Amz-Date for X-Amz-Expires seconds, both whole seconds, so within a second of the asked expiry.
        var signedAt = DateTime.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var signedUntil = signedAt.AddSeconds(int.Parse(query["X-Amz-Expires"]!));
        Assert.InRange(signedUntil, expiresAt.AddSeconds(-1), expiresAt.AddSeconds(1));
        Assert.EndsWith("/uploads/clip.mp4", upload.Url.AbsolutePath);
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "video/mp4", ["If-None-Match"] = "*" }, upload.Headers);
    }

    [Fact]
    public async Task A_plain_http_put_to_the_url_with_its_headers_lands_the_file_with_its_content_type()
    {
        var (store, options) = await s3.NewStoreAsync();
        var content = new byte[4096];
        Random.Shared.NextBytes(content);
        var upload = store.PresignPut(Buckets.Videos, "uploads/clip.mp4", "video/mp4", DateTime.UtcNow.AddMinutes(5));

        var response = await Http.SendAsync(PutRequest(upload, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var head = await s3.Client.GetObjectMetadataAsync(options.BucketNames[Buckets.Videos], "uploads/clip.mp4");
        Assert.Equal(content.Length, head.ContentLength);
        Assert.Equal("video/mp4", head.Headers.ContentType);
    }

    /// <summary>fauxqs 2.4.1 checks no signature at all (nor the expiry), so what S3 refuses, a forged or
    /// expired URL, cannot be shown refused here. This pins that, rather than a test that passes for the
    /// wrong reason; if fauxqs starts checking, this fails and the refusal can be tested instead.</summary>
    [Fact]
    public async Task Fauxqs_checks_no_signature_so_a_forged_url_is_accepted_there()
    {
        var (store, options) = await s3.NewStoreAsync();
        var upload = store.PresignPut(Buckets.Videos, "uploads/forged.mp4", "video/mp4", DateTime.UtcNow.AddMinutes(5));
        var query = HttpUtility.ParseQueryString(upload.Url.Query);
        query["X-Amz-Signature"] = new string('0', 64);
        var forged = upload with { Url = new UriBuilder(upload.Url) { Query = query.ToString() }.Uri };

        var response = await Http.SendAsync(PutRequest(forged, [1, 2, 3]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await store.ExistsAsync(Buckets.Videos, "uploads/forged.mp4"), options.BucketNames[Buckets.Videos]);
    }

    /// <summary>The PUT a client makes: the URL as given, and each header the signature covers.</summary>
    public static HttpRequestMessage PutRequest(PresignedUpload upload, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent(content) };
        foreach (var (name, value) in upload.Headers)
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
