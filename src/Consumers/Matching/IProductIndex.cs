namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The k-NN index of catalog product images (sqlite-vec embedded, OpenSearch on AWS). One entry per
/// product image, keyed by product id, remembering the image's content hash so an unchanged photo is
/// never embedded twice, and the manifests that list the product: it stays while one of them does.
/// </summary>
public interface IProductIndex
{
    /// <summary>The content hash indexed for this product, or null when it is not indexed.</summary>
    Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken);

    /// <summary>What the index holds for a photo with this content, described as this kind of item (under any
    /// product), or null: a row naming a photo another row already described needs no detection or embedding,
    /// since they would reproduce the same descriptor.</summary>
    Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken);

    /// <summary>Replaces whatever is indexed for the product, and adds the entry's source to the manifests
    /// that list it.</summary>
    Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken);

    Task DeleteAsync(string productId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="source"/> lists the product too, without touching its vectors:
    /// an unchanged photo listed by another (or a newer) manifest. False when it is not indexed.</summary>
    Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="source"/> no longer lists the product, and removes the product
    /// when no manifest does any more. True when it was removed.</summary>
    Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken);

    /// <summary>The products a manifest lists, so a newer version of it can release the ones it dropped.</summary>
    Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken);

    /// <summary>Every manifest that lists an indexed product, so a reindex can release the products of
    /// manifests that are no longer in the bucket.</summary>
    Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="k"/> closest products of the same kind, best first.</summary>
    Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken);
}

/// <summary>What the index keeps for a product image. Source is the manifest key that lists it, so a
/// newer version of that manifest can release the products it no longer lists.</summary>
public sealed record IndexedProductImage(string ProductId, string Source, string ContentHash, ItemKind Kind, ItemDescriptor Descriptor);
