using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>The real index with a count of upserts, so a test can prove nothing was re-indexed.</summary>
public sealed class CountingProductIndex(IProductIndex inner) : IProductIndex
{
    int _upserts;

    public int Upserts => Volatile.Read(ref _upserts);

    public Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken) =>
        inner.FindContentHashAsync(productId, cancellationToken);

    public Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _upserts);
        return inner.UpsertAsync(entry, cancellationToken);
    }

    public Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken) =>
        inner.FindDescriptorOfPhotoAsync(contentHash, kind, cancellationToken);

    public Task DeleteAsync(string productId, CancellationToken cancellationToken) => inner.DeleteAsync(productId, cancellationToken);

    public Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken) =>
        inner.ClaimAsync(productId, source, cancellationToken);

    public Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(productId, source, cancellationToken);

    public Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken) =>
        inner.ListFromSourceAsync(source, cancellationToken);

    public Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken) => inner.ListSourcesAsync(cancellationToken);

    public Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken) =>
        inner.SearchAsync(kind, query, k, cancellationToken);
}
