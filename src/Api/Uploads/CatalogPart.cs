using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Api.Uploads;

/// <summary>One file part of a catalog upload, staged and judged: the manifest (no header) or a photo.
/// <see cref="RelativeKey"/> is its key inside the catalog folder.</summary>
public sealed record CatalogPart(string Field, string RelativeKey, StagedFile Staged, ImageHeader? Image)
{
    public string Label => $"{Field} '{RelativeKey}'";
}
