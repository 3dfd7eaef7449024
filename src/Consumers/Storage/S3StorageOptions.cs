namespace ShoppableVideo.Consumers.Storage;

/// <summary>How the aws profile reaches its buckets: which real S3 bucket holds each logical bucket
/// (<see cref="Buckets"/>), how large a multipart part is, and how long a media URL stays valid.</summary>
public sealed class S3StorageOptions
{
    /// <summary>S3 refuses parts under 5 MiB (all but the last).</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    public const int DefaultPartSize = 16 * 1024 * 1024;

    /// <summary>SigV4 presigned URLs cannot live longer than seven days.</summary>
    public static readonly TimeSpan MaximumMediaUrlLifetime = TimeSpan.FromDays(7);

    /// <summary>Logical bucket ("catalog", "videos", "output") to the physical S3 bucket name.</summary>
    public required IReadOnlyDictionary<string, string> BucketNames { get; init; }

    /// <summary>The most a write holds in memory: content up to one part goes up in one PutObject,
    /// anything longer as a multipart upload of parts this size.</summary>
    public int PartSize { get; init; } = DefaultPartSize;

    /// <summary>How long the URL that ffmpeg reads a video through stays valid. It must outlast the
    /// longest frame extraction, since ffmpeg opens new ranged requests while it decodes.</summary>
    public TimeSpan MediaUrlLifetime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Keys per ListObjectsV2 page (S3 gives at most 1000).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>The region the client signs for (a local server accepts any).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Set for a local S3 server (fauxqs): its address, reached path-style; null for AWS.</summary>
    public Uri? ServiceUrl { get; init; }

    public string PhysicalBucket(string bucket) =>
        Buckets.All.Contains(bucket) && BucketNames.TryGetValue(bucket, out var name)
            ? name
            : throw new ArgumentException($"Unknown bucket '{bucket}'.", nameof(bucket));

    /// <summary>Refuses settings S3 would only reject halfway through a write.</summary>
    public S3StorageOptions Validated()
    {
        var missing = Buckets.All.Where(b => !BucketNames.TryGetValue(b, out var name) || string.IsNullOrWhiteSpace(name)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"No S3 bucket is configured for: {string.Join(", ", missing)}.");
        if (PartSize < MinimumPartSize)
            throw new ArgumentException($"The part size {PartSize} is under S3's minimum of {MinimumPartSize} bytes.");
        if (MediaUrlLifetime <= TimeSpan.Zero || MediaUrlLifetime > MaximumMediaUrlLifetime)
            throw new ArgumentException($"The media URL lifetime must be positive and at most {MaximumMediaUrlLifetime.TotalDays} days.");
        if (ListPageSize is < 1 or > 1000)
            throw new ArgumentException("The list page size must be between 1 and 1000.");
        return this;
    }
}
