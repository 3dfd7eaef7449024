using System.Text;
using System.Text.Json;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Judges staged catalog parts by their content: photos by their header (format, declared size,
/// image bombs, as the ingestion's own decoder would), the manifest as UTF-8 text that the manifest
/// parser reads. Each check returns null when the part is fine, else the rejection.</summary>
public sealed class CatalogPartInspector(CatalogOptions catalog)
{
    public static string? FindNameProblem(string relativeKey) =>
        ObjectKey.FindProblem(relativeKey) is { } problem ? $"the file name is not usable as a key: {problem}" : null;

    public async Task<(ImageHeader?, RejectedPart?)> InspectImageAsync(string label, StagedFile staged, CancellationToken cancellationToken)
    {
        await using var stream = staged.OpenRead();
        var head = new byte[Math.Min(ImageHeaderReader.HeadLength, staged.Size)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        if (!ImageHeaderReader.TryRead(head, out var header, out var problem))
            return (null, new RejectedPart(label, $"not an image ({problem}; looks like {ContentDescriber.Describe(head.AsSpan(0, Math.Min(head.Length, 1024)))})", StatusCodes.Status415UnsupportedMediaType));
        if (header.FindOverLimit(catalog.MaxImagePixels) is { } tooLarge)
            return (null, new RejectedPart(label, $"the image {tooLarge}", StatusCodes.Status422UnprocessableEntity));
        return (header, null);
    }

    /// <param name="manifestKey">decides CSV or JSON, as it will for the ingestion.</param>
    public async Task<RejectedPart?> InspectManifestAsync(string label, string manifestKey, StagedFile staged, CancellationToken cancellationToken)
    {
        if (!await IsText(staged, cancellationToken))
            return new RejectedPart(label, "the manifest is not UTF-8 text (a CSV file with a header row)", StatusCodes.Status415UnsupportedMediaType);
        try
        {
            using var reader = new StreamReader(staged.OpenRead(), Encoding.UTF8);
            CatalogManifestParser.Parse(manifestKey, reader);
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new RejectedPart(label, $"the manifest cannot be read: {e.Message}", StatusCodes.Status400BadRequest);
        }
    }

    public static string ManifestKeyFor(string fileName) =>
        ObjectEvents.IsManifest(fileName) ? fileName : "manifest.csv";

    // Strict UTF-8 throughout, and no control characters but tab and line ends: a binary file renamed
    // to .csv fails here rather than as a thousand bad rows.
    static async Task<bool> IsText(StagedFile staged, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(staged.OpenRead(), new UTF8Encoding(false, throwOnInvalidBytes: true));
        var buffer = new char[1 << 14];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                foreach (var c in buffer.AsSpan(0, read))
                    if (char.IsControl(c) && c is not '\t' and not '\r' and not '\n')
                        return false;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
