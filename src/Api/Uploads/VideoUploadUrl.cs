namespace ShoppableVideo.Api.Uploads;

/// <summary>The answer of <c>POST /videos/upload-url</c>: PUT the file to <see cref="Url"/> with exactly
/// these <see cref="Headers"/> before <see cref="ExpiresAt"/>. It lands at <see cref="Key"/> in the videos
/// bucket, and the bucket's own object event starts processing; its id is known only then (it names the
/// stored bytes), so the video shows in <c>GET /videos</c> under that key.</summary>
public sealed record VideoUploadUrl(Uri Url, string Method, string Key, DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, string> Headers, long MaxBytes);
