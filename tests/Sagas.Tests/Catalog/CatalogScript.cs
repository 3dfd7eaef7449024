namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>The manifest the scripted parser returns: its rows' product image ids, fixed up front so a test
/// can name the rows it tampers with, and the rows whose photo is refused.</summary>
public sealed class CatalogScript
{
    readonly HashSet<Guid> refused;

    public CatalogScript(int rows, IReadOnlySet<int>? refusedRows = null)
    {
        ImageIds = Enumerable.Range(0, rows).Select(_ => Guid.NewGuid()).ToList();
        refused = ImageIds.Where((_, row) => refusedRows?.Contains(row) == true).ToHashSet();
    }

    public IReadOnlyList<Guid> ImageIds { get; }

    public bool Refuses(Guid imageId) => refused.Contains(imageId);
}
