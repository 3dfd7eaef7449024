namespace ShoppableVideo.Api.Uploads;

/// <summary>The answer to an accepted catalog upload: the batch saga that ingests it and what was stored.</summary>
public sealed record CatalogUploadAccepted(
    Guid Id,
    string Catalog,
    string Manifest,
    bool ManifestAlreadyStored,
    IReadOnlyList<UploadedImage> Images,
    string Status);
