namespace ShoppableVideo.Consumers.Matching;

/// <summary>The OpenSearch index that holds the product vectors, and how it is built.</summary>
public sealed class OpenSearchIndexOptions
{
    public string IndexName { get; set; } = "products";

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
