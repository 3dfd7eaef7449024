using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// <c>POST /catalog/uploads</c>: a multipart form with a <c>catalog</c> field (the folder, also
/// accepted as <c>?catalog=</c>), one <c>manifest</c> file part and any number of photo file parts.
/// Photos keep their file names (which may include sub-folders, such as images/a.jpg) under the catalog
/// folder, because the manifest names them by those relative paths.
/// All or nothing: every part is streamed to staging and judged first; one bad part refuses the whole
/// upload naming each bad part, and nothing reaches the bucket. Stored files are never replaced (409);
/// identical ones are accepted as they are. Photos are moved in first and the manifest last, because
/// the manifest is what starts the ingestion.
/// </summary>
public sealed class CatalogUploadHandler(
    IOptions<UploadOptions> options,
    StagingArea staging,
    CatalogPartInspector inspector,
    CatalogUploadCommitter committer)
{
    const string CatalogField = "catalog";
    const string ManifestField = "manifest";

    public async Task<IResult> HandleAsync(HttpContext context, string? catalog, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!RequestBodyLimit.IsMultipart(context.Request, out var boundary))
            return UploadProblems.UnsupportedType("send the catalog as multipart/form-data: a 'manifest' file part, the photos as file parts, and a 'catalog' field");
        if (RequestBodyLimit.DeclaresMoreThan(context, limits.MaxCatalogBytes + limits.MultipartOverheadBytes))
            return UploadProblems.TooLarge($"the upload declares {context.Request.ContentLength} bytes; a catalog upload may have at most {limits.MaxCatalogBytes} bytes");

        var parts = new List<CatalogPart>();
        try
        {
            var rejected = new List<RejectedPart>();
            var reader = new MultipartReader(boundary, context.Request.Body);
            long total = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition)
                    return UploadProblems.BadRequest("a part has no Content-Disposition header");
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!disposition.IsFileDisposition())
                {
                    if (field != CatalogField)
                        return UploadProblems.BadRequest($"unexpected form field '{field}': send '{CatalogField}', '{ManifestField}' and photo files");
                    catalog ??= await ReadFieldAsync(section.Body, cancellationToken);
                    continue;
                }

                var name = VideoUploadHandler.FileNameOf(disposition) ?? "";
                var perPart = Math.Min(limits.MaxImageBytes, limits.MaxCatalogBytes - total);
                StagedFile staged;
                try
                {
                    staged = await staging.StageAsync(ReadOnlyMemory<byte>.Empty, section.Body, perPart, $"{field} '{name}'", cancellationToken);
                }
                catch (UploadTooLargeException)
                {
                    return UploadProblems.TooLarge(perPart == limits.MaxImageBytes
                        ? $"{field} '{name}' is larger than the limit of {limits.MaxImageBytes} bytes per file"
                        : $"the catalog upload is larger than the limit of {limits.MaxCatalogBytes} bytes");
                }
                total += staged.Size;
                var isManifest = field == ManifestField;
                var key = isManifest ? CatalogPartInspector.ManifestKeyFor(name) : name;
                var part = new CatalogPart(field, key, staged, null);
                parts.Add(part);
                var (image, problem) = await JudgeAsync(part, isManifest, parts, cancellationToken);
                if (problem is not null)
                    rejected.Add(problem);
                parts[^1] = part with { Image = image };
            }

            if (parts.Count == 0)
                return UploadProblems.Empty("the upload is empty: the form has no file part");
            if (rejected.Count > 0)
                return UploadProblems.PartsRejected(rejected);
            var manifests = parts.Where(p => p.Field == ManifestField).ToList();
            if (manifests.Count != 1)
                return UploadProblems.BadRequest($"send exactly one '{ManifestField}' file part (got {manifests.Count})");
            catalog = catalog?.Trim().Trim('/');
            if (string.IsNullOrEmpty(catalog))
                return UploadProblems.BadRequest($"name the catalog folder with a '{CatalogField}' form field or ?{CatalogField}=");
            if (ObjectKey.FindProblem(catalog) is { } catalogProblem)
                return UploadProblems.BadRequest($"the catalog name is not usable as a folder: {catalogProblem}");

            return await committer.CommitAsync(catalog, manifests[0], parts.Where(p => p.Field != ManifestField).ToList(), cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return UploadProblems.Malformed(e);
        }
        finally
        {
            foreach (var part in parts)
                part.Staged.Dispose();
        }
    }

    /// <summary>The photo's header, or why the part is refused.</summary>
    async Task<(ImageHeader?, RejectedPart?)> JudgeAsync(CatalogPart part, bool isManifest, List<CatalogPart> parts, CancellationToken cancellationToken)
    {
        if (part.Staged.Size == 0)
            return (null, new RejectedPart(part.Label, "the file is empty", StatusCodes.Status400BadRequest));
        if (CatalogPartInspector.FindNameProblem(part.RelativeKey) is { } nameProblem)
            return (null, new RejectedPart(part.Label, nameProblem, StatusCodes.Status400BadRequest));
        if (parts.Count(p => p.RelativeKey == part.RelativeKey) > 1)
            return (null, new RejectedPart(part.Label, "another part has the same file name", StatusCodes.Status400BadRequest));
        return isManifest
            ? (null, await inspector.InspectManifestAsync(part.Label, part.RelativeKey, part.Staged, cancellationToken))
            : await inspector.InspectImageAsync(part.Label, part.Staged, cancellationToken);
    }

    static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[ObjectKey.MaxLength + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
