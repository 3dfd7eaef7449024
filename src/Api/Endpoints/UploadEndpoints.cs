using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Uploads;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Uploads through the API, the alternative to dropping files into the bucket folders. The
/// handlers read the body themselves (streamed, never bound or buffered as a form), so size limits
/// and content sniffing happen before anything reaches a bucket.</summary>
public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/videos", (HttpContext context, string? name, VideoUploadHandler handler, CancellationToken ct) =>
                handler.HandleAsync(context, name, ct))
            .RequireWriteKey()
            .DisableAntiforgery()
            .WithName("UploadVideo")
            .WithSummary("Upload a video: the raw body (file name in ?name=) or one file part of a multipart form.")
            .WithDescription("Judged by its first bytes (MP4/MOV/3GP, Matroska/WebM, AVI, MPEG-TS/PS, FLV, Ogg, ASF), not by " +
                "Content-Type or extension. Stored under uploads/{name} in the videos bucket without replacing other videos " +
                "(a different file with the same name gets clip-2.mp4 ...); processing starts at once. The same bytes under the " +
                "same name answer with the same id.")
            // "*/*" too: routing answers 415 itself for a Content-Type an endpoint does not list, and a
            // video's declared type (video/mp4, text/plain, anything) must reach the sniffer instead.
            .Accepts<Stream>("multipart/form-data", "application/octet-stream", "*/*")
            .Produces<VideoUploadAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapPost("/videos/upload-url", (VideoUploadUrlRequest? request, VideoUploadUrlHandler handler, CancellationToken ct) =>
                handler.HandleAsync(request, ct))
            .RequireWriteKey()
            .WithName("CreateVideoUploadUrl")
            .WithSummary("A presigned S3 PUT URL for uploading a large video straight to the videos bucket (aws profile only).")
            .WithDescription("Send the file's fileName, size and contentType (a video/* type). The answer's url takes one PUT of the " +
                "file with exactly the answer's headers (the signature covers Content-Type, and If-None-Match: * so it never " +
                "replaces an object) before expiresAt. It lands at key, under uploads/ as POST /videos would name it, and the " +
                "bucket's object event starts processing; the probe step judges the bytes. The size and type limits are POST " +
                "/videos's. A host in the embedded profile (folder buckets) answers 404: upload with POST /videos there.")
            .Accepts<VideoUploadUrlRequest>("application/json")
            .Produces<VideoUploadUrl>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapPost("/catalog/uploads", (HttpContext context, string? catalog, CatalogUploadHandler handler, CancellationToken ct) =>
                handler.HandleAsync(context, catalog, ct))
            .RequireWriteKey()
            .DisableAntiforgery()
            .WithName("UploadCatalog")
            .WithSummary("Upload a catalog: a 'catalog' field (the folder), a 'manifest' CSV part and the photos as file parts.")
            .WithDescription("All or nothing: photos are judged by their headers (JPEG, PNG, WebP, GIF, BMP; image bombs refused), " +
                "the manifest must be UTF-8 CSV with a header row; one bad part refuses the upload and names it. Photos are " +
                "stored as {catalog}/{file name}, the manifest last, which starts the ingestion batch. Stored files are never replaced.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<CatalogUploadAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}
