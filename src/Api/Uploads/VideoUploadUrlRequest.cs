namespace ShoppableVideo.Api.Uploads;

/// <summary>What a client asks <c>POST /videos/upload-url</c> for: the file it is about to PUT.</summary>
/// <param name="FileName">its name; made safe as <c>POST /videos</c> makes it, under the same uploads folder.</param>
/// <param name="Size">its length in bytes, held to the same limit as <c>POST /videos</c>.</param>
/// <param name="ContentType">a video media type (video/mp4 ...); the URL is signed for it.</param>
public sealed record VideoUploadUrlRequest(string? FileName, long? Size, string? ContentType);
