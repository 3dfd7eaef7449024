using System.Text.Json;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Reads a video's machine document from the output bucket and serves it with its reviews.</summary>
public sealed class ShoppableDocumentReader(IObjectStore store, IReviewStore reviews)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ShoppableDocument?> ReadOriginalAsync(Guid videoId, CancellationToken cancellationToken)
    {
        var key = ShoppableDocument.KeyFor(videoId);
        if (!await store.ExistsAsync(Buckets.Output, key, cancellationToken))
            return null;
        await using var stream = await store.OpenReadAsync(Buckets.Output, key, cancellationToken);
        return await JsonSerializer.DeserializeAsync<ShoppableDocument>(stream, Json, cancellationToken);
    }

    public async Task<ReviewedDocument?> ReadReviewedAsync(Guid videoId, CancellationToken cancellationToken) =>
        await ReadOriginalAsync(videoId, cancellationToken) is { } original
            ? ReviewApplier.Apply(original, await reviews.ListAsync(videoId, cancellationToken))
            : null;
}
