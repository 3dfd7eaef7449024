namespace ShoppableVideo.Api.Uploads;

/// <summary>Limits for uploads through the API, from <c>ShoppableVideo:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string Section = "ShoppableVideo:Uploads";

    /// <summary>The largest video accepted by <c>POST /videos</c>.</summary>
    public long MaxVideoBytes { get; set; } = 2L << 30;

    /// <summary>The largest single part (a photo or the manifest) of a catalog upload.</summary>
    public long MaxImageBytes { get; set; } = 64L << 20;

    /// <summary>The largest catalog upload, all parts together.</summary>
    public long MaxCatalogBytes { get; set; } = 1L << 30;

    /// <summary>How long a presigned upload URL (<c>POST /videos/upload-url</c>) stays valid: long enough to
    /// start the PUT, short enough that a leaked URL is soon useless. S3 checks the expiry when the PUT
    /// starts, so a long upload that started in time finishes. SigV4 allows at most seven days.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>What multipart framing (boundaries, part headers) may add on top of the content, so a
    /// file just under its limit is not refused for its envelope.</summary>
    public long MultipartOverheadBytes { get; set; } = 64 << 10;
}
