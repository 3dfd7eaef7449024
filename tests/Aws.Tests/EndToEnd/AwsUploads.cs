using System.Net.Http.Json;
using Amazon.S3.Model;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>What the upload tests share: a worker that accepts the operator's key for writes, and reading
/// back what a deployment's buckets hold.</summary>
public static class AwsUploads
{
    public const string OperatorKey = "e2e-operator-key-aws-uploads-0123";

    public static IEnumerable<string> AcceptingOperator => Deployment.AcceptingKey("operator", OperatorKey);

    /// <summary>A host that sends the operator's key with every request.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> settings)
    {
        var host = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-uploads-").FullName, settings);
        host.Http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, OperatorKey);
        return host;
    }

    public static async Task<byte[]> ReadAsync(this Deployment deployment, string bucket, string key)
    {
        using var response = await deployment.Stack.S3.GetObjectAsync(deployment.Buckets[bucket], key);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static async Task<IReadOnlyList<string>> KeysAsync(this Deployment deployment, string bucket) =>
        ((await deployment.Stack.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = deployment.Buckets[bucket] })).S3Objects ?? [])
        .Select(o => o.Key).ToList();

    public static async Task<VideoUploadAccepted> UploadVideoAsync(this HostProcess host, string name, byte[] video)
    {
        var response = await host.Http.PostAsync($"/videos?name={Uri.EscapeDataString(name)}", new ByteArrayContent(video));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
    }

    /// <summary>Announces an object the way S3 does once it is stored (fauxqs sends no bucket notifications,
    /// so the test publishes the ObjectCreated record to the bucket's SNS topic itself).</summary>
    public static async Task AnnounceStoredAsync(this Deployment deployment, string bucket, string key) =>
        await deployment.AnnounceAsync(bucket, key, await deployment.Stack.S3.GetObjectMetadataAsync(deployment.Buckets[bucket], key));

    public static Task<VideoStatus> WaitUntilFinishedAsync(this HostProcess host, string key, TimeSpan timeout)
    {
        List<VideoStatus>? seen = null;
        return Poll.UntilAsync(async ct => (seen = await host.Http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
                .FirstOrDefault(v => v.Video?.Key == key && v.Status.State is "Completed" or "Failed"), timeout, intervalMs: 100,
            describe: () => $"videos seen: {string.Join(", ", seen?.Select(v => $"{v.Video?.Key} {v.Status.State}") ?? ["none"])}\n" +
                            $"worker output:\n{host.Output}");
    }
}
