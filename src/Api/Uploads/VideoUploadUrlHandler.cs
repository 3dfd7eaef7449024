using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// <c>POST /videos/upload-url</c>: a presigned S3 PUT URL, so a large video goes straight to the bucket
/// instead of through an API process. The request is held to <c>POST /videos</c>'s limits as far as they
/// can be judged before any byte exists: the file name is made safe and placed under the same uploads
/// folder (the first of its numbered names that holds nothing), the declared size is within
/// <see cref="UploadOptions.MaxVideoBytes"/>, and the content type is a video type, which the URL is
/// signed for. The bytes themselves are judged by the probe step once the object event arrives (a file
/// that is not a video fails there, with the reason). Only S3 can sign such URLs: without an
/// <see cref="IPresignedUploads"/> (the embedded profile) the answer is a 404 problem saying so.
/// </summary>
public sealed class VideoUploadUrlHandler(IOptions<UploadOptions> options, IObjectStore store, TimeProvider clock,
    IPresignedUploads? presigned = null)
{
    public async Task<IResult> HandleAsync(VideoUploadUrlRequest? request, CancellationToken cancellationToken)
    {
        if (presigned is null)
            return UploadProblems.PresignedUploadsUnavailable();
        var limits = options.Value;
        if (request?.Size is not { } size)
            return UploadProblems.BadRequest("send the file's fileName, size (in bytes) and contentType as JSON");
        if (size <= 0)
            return UploadProblems.Empty($"the upload is empty: a video has at least one byte, not {size}");
        if (size > limits.MaxVideoBytes)
            return UploadProblems.TooLarge($"the file has {size} bytes; a video may have at most {limits.MaxVideoBytes} bytes");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.Type.Equals("video", StringComparison.OrdinalIgnoreCase) || type.SubType.Value is null or "*")
            return UploadProblems.UnsupportedType($"'{request.ContentType}' is not a video content type; send the file's own, such as video/mp4 or video/webm");

        var fileName = UploadKeys.SafeFileName(request.FileName, "upload");
        var key = await FirstFreeKeyAsync(fileName, cancellationToken);
        if (key is null)
            return UploadProblems.VideoNameTaken(fileName);
        var expiresAt = clock.GetUtcNow() + limits.UploadUrlLifetime;
        var upload = presigned.PresignPut(Buckets.Videos, key, type.ToString(), expiresAt.UtcDateTime);
        return Results.Ok(new VideoUploadUrl(upload.Url, HttpMethods.Put, key, expiresAt, upload.Headers, limits.MaxVideoBytes));
    }

    // Free now; the URL is signed to create the key only, so if another upload takes it before this PUT,
    // S3 refuses the PUT (412) and the client asks for a new URL.
    async Task<string?> FirstFreeKeyAsync(string fileName, CancellationToken cancellationToken)
    {
        foreach (var key in UploadKeys.Candidates(UploadKeys.VideoFolder, fileName, UploadKeys.Attempts))
            if (!await store.ExistsAsync(Buckets.Videos, key, cancellationToken))
                return key;
        return null;
    }
}
