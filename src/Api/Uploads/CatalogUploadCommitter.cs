using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Places a judged catalog upload into the catalog bucket: checks every key first so a
/// conflict stores nothing, places the photos, then the manifest, then starts the batch. If a key is
/// taken between the check and the placing (another upload raced this one), the photos this request
/// already placed are taken back.</summary>
public sealed class CatalogUploadCommitter(IBucketWriter writer, ObjectAnnouncer announcer)
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
        Placement? manifestPlacement = null;
        foreach (var part in ordered)
        {
            var key = KeyOf(catalog, part);
            var placement = await writer.PlaceAsync(part.Staged, Buckets.Catalog, key, cancellationToken);
            switch (placement.Outcome)
            {
                case BucketPlacement.Stored:
                    placedNow.Add(key);
                    break;
                case BucketPlacement.AlreadyStored:
                    alreadyStored.Add(key);
                    break;
                default:
                    foreach (var placed in placedNow)
                        await writer.RemoveAsync(Buckets.Catalog, placed, CancellationToken.None);
                    return Refuse([key]);
            }
            if (ReferenceEquals(part, manifest))
                manifestPlacement = placement;
        }

        var manifestKey = KeyOf(catalog, manifest);
        var id = await announcer.AnnounceAsync(manifestPlacement!.Object!, cancellationToken);
        var status = $"/catalog/batches/{id:N}";
        var stored = images.Select(p => new UploadedImage(KeyOf(catalog, p), p.Staged.Size, p.Image!.Value.Format.ToString(),
            p.Image.Value.Width, p.Image.Value.Height, alreadyStored.Contains(KeyOf(catalog, p)))).ToList();
        return Results.Accepted(status, new CatalogUploadAccepted(id, catalog, manifestKey, alreadyStored.Contains(manifestKey), stored, status));
    }

    static string KeyOf(string catalog, CatalogPart part) => $"{catalog}/{part.RelativeKey}";

    static IResult Refuse(IEnumerable<string> keys) =>
        UploadProblems.KeyTaken($"stored files are never replaced, and these keys already hold different files: {string.Join(", ", keys)}; upload under a new catalog name");
}
