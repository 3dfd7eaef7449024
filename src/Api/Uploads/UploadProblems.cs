namespace ShoppableVideo.Api.Uploads;

/// <summary>The refusals of the upload endpoints, as RFC 9457 problem details like the rest of the API.</summary>
public static class UploadProblems
{
    public static IResult Empty(string detail = "the upload is empty") =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty upload", detail: detail);

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad upload", detail: detail);

    /// <summary>The multipart framing itself is broken (a cut-off body, a missing boundary).</summary>
    public static IResult Malformed(InvalidDataException e) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed upload", detail: $"the multipart body cannot be read: {e.Message}");

    public static IResult TooLarge(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large", detail: detail);

    public static IResult UnsupportedType(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content", detail: detail);

    public static IResult KeyTaken(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Key already taken", detail: detail);

    public static IResult VideoNameTaken(string fileName) =>
        KeyTaken($"'{UploadKeys.VideoFolder}/{fileName}' and its next {UploadKeys.Attempts - 1} numbered names hold other videos; rename the file");

    /// <summary>Presigned uploads asked of a host without S3. 404, not 400: the request is fine, but this
    /// deployment has no such resource to give (a folder bucket cannot sign a URL).</summary>
    public static IResult PresignedUploadsUnavailable() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Presigned uploads need the aws profile",
            detail: "this host keeps its buckets in folders (the embedded profile), which cannot sign upload URLs; " +
                    "POST the video to /videos instead, or run the aws profile (S3)");

    /// <summary>A catalog upload refused as a whole, listing each part that was wrong and why.</summary>
    public static IResult PartsRejected(IReadOnlyList<RejectedPart> rejected) =>
        Results.Problem(
            // A part of the wrong type is the headline (415); otherwise the gravest of the rest.
            statusCode: rejected.Any(r => r.Status == StatusCodes.Status415UnsupportedMediaType)
                ? StatusCodes.Status415UnsupportedMediaType
                : rejected.Max(r => r.Status),
            title: "Catalog upload refused",
            detail: "Nothing was stored: " + string.Join("; ", rejected.Select(r => $"{r.Part}: {r.Reason}")),
            extensions: new Dictionary<string, object?> { ["rejected"] = rejected });
}
