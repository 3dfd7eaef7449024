namespace ShoppableVideo.Consumers.Aws;

/// <summary>The S3 bucket behind each logical bucket (<see cref="Storage.Buckets"/>). Services that read or
/// write S3 themselves (MediaConvert, Rekognition) need the real name in their job documents, not the
/// logical one the object store takes. A logical bucket with no entry is its own S3 name.</summary>
public sealed class S3BucketNames
{
    public Dictionary<string, string> ByLogicalBucket { get; init; } = new(StringComparer.Ordinal);

    public string For(string logicalBucket) =>
        ByLogicalBucket.TryGetValue(logicalBucket, out var name) ? name : logicalBucket;

    public string Url(string logicalBucket, string key) => $"s3://{For(logicalBucket)}/{key}";
}
