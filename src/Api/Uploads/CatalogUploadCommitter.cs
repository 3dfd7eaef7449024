using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Moves a judged catalog upload into the catalog bucket: checks every key first so a
/// conflict stores nothing, moves the photos, then the manifest, then starts the batch. If a key is
/// taken between the check and the move (another upload raced this one), the photos this request
/// already moved are taken back.</summary>
public sealed class CatalogUploadCommitter(BucketWriter writer, ObjectAnnouncer announcer)
{
    public async Task<IResult> CommitAsync(string catalog, CatalogPart manifest, IReadOnlyList<CatalogPart> images, CancellationToken cancellationToken)
    {
        var ordered = images.Append(manifest).ToList();
        var taken = new List<string>();
        foreach (var part in ordered)
            if (await writer.ProbeAsync(part.Staged, Buckets.Catalog, KeyOf(catalog, part), cancellationToken) == BucketPlacement.KeyTaken)
                taken.Add(KeyOf(catalog, part));
        if (taken.Count > 0)
            return Refuse(taken);

        var placedNow = new List<string>();
        var alreadyStored = new HashSet<string>();
        foreach (var part in ordered)
        {
            var key = KeyOf(catalog, part);
            switch (await writer.PlaceAsync(part.Staged, Buckets.Catalog, key, cancellationToken))
            {
                case BucketPlacement.Stored:
                    placedNow.Add(key);
                    break;
                case BucketPlacement.AlreadyStored:
                    alreadyStored.Add(key);
                    break;
                default:
                    foreach (var placed in placedNow)
                        writer.Remove(Buckets.Catalog, placed);
                    return Refuse([key]);
            }
        }

        var manifestKey = KeyOf(catalog, manifest);
        var id = await announcer.AnnounceAsync(writer.Placed(manifest.Staged, Buckets.Catalog, manifestKey), cancellationToken);
        var status = $"/catalog/batches/{id:N}";
        var stored = images.Select(p => new UploadedImage(KeyOf(catalog, p), p.Staged.Size, p.Image!.Value.Format.ToString(),
            p.Image.Value.Width, p.Image.Value.Height, alreadyStored.Contains(KeyOf(catalog, p)))).ToList();
        return Results.Accepted(status, new CatalogUploadAccepted(id, catalog, manifestKey, alreadyStored.Contains(manifestKey), stored, status));
    }

    static string KeyOf(string catalog, CatalogPart part) => $"{catalog}/{part.RelativeKey}";

    static IResult Refuse(IEnumerable<string> keys) =>
        UploadProblems.KeyTaken($"stored files are never replaced, and these keys already hold different files: {string.Join(", ", keys)}; upload under a new catalog name");
}
