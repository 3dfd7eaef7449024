namespace ShoppableVideo.Consumers.Matching;

/// <summary>The OpenSearch index that holds the product vectors, and how it is built.</summary>
public sealed class OpenSearchIndexOptions
{
    /// <summary>The alias every reader goes through; it points at one versioned index ("products-v3"), so a
    /// re-index can build the next version beside it and swap the alias when that version is complete.</summary>
    public string IndexName { get; set; } = "products";

    /// <summary>The alias that marks the version a re-index is building: every process reads it from OpenSearch
    /// itself (writes go to it too while it exists), so none needs to be told a rebuild began.</summary>
    public string BuildingAlias => $"{IndexName}-building";

    public string VersionedIndex(int version) => $"{IndexName}-v{version}";

    /// <summary>The version in a versioned index's name; 0 for any other name.</summary>
    public int VersionOf(string index) =>
        index.StartsWith($"{IndexName}-v", StringComparison.Ordinal) && int.TryParse(index.AsSpan(IndexName.Length + 2), out var version)
            ? version
            : 0;

    /// <summary>"lucene" or "faiss": both do efficient filtering (the kind filter is applied during the HNSW
    /// walk, so k neighbours of the right kind come back); lucene is the one without native memory to size.</summary>
    public string Engine { get; set; } = "lucene";

    /// <summary>HNSW graph parameters (OpenSearch's defaults are 16 and 100).</summary>
    public int M { get; set; } = 16;

    public int EfConstruction { get; set; } = 128;

    /// <summary>The refresh parameter of writes: "wait_for" makes an upsert, claim or delete visible to the
    /// next search before the call returns, as the SQLite index is; "false" trades that for throughput.</summary>
    public string Refresh { get; set; } = "wait_for";

    /// <summary>Hits per page when listing the products of a manifest.</summary>
    public int PageSize { get; set; } = 1000;
}
