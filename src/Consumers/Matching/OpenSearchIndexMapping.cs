using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The index body (OpenSearch docs, "k-NN vector" field type, "Methods and engines" and "Nested field
/// search"): index.knn on, each view a nested object whose appearance embedding is a knn_vector searched
/// with HNSW in cosine space (the sqlite-vec table's distance_metric=cosine) and whose colour histogram is
/// kept in _source only (it is read back for the rerank, never searched), and the bookkeeping fields as keywords for term queries. Dynamic mapping is strict, so
/// a misspelt field fails the write instead of quietly adding a field no query reads. The alias is created
/// with the index, in the same request, so no process ever sees the one without the other.
/// </summary>
public static class OpenSearchIndexMapping
{
    public static JsonObject Body(OpenSearchIndexOptions options, int appearanceDimensions, string alias) => new()
    {
        ["aliases"] = new JsonObject { [alias] = new JsonObject() },
        ["settings"] = new JsonObject { ["index.knn"] = true },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["productId"] = Keyword(),
                // The manifests that list the product: a keyword array, which a term query matches by any element.
                ["sources"] = Keyword(),
                ["imageContentHash"] = Keyword(),
                ["kind"] = Keyword(),
                // The rebuild document's fields (OpenSearchIndexVersions): the re-index batches still running and
                // the version this one replaces. No product has them, so no product query finds that document.
                ["pendingBatches"] = Keyword(),
                ["replaces"] = Keyword(),
                ["views"] = new JsonObject
                {
                    ["type"] = "nested",
                    ["properties"] = new JsonObject
                    {
                        ["appearance"] = new JsonObject
                        {
                            ["type"] = "knn_vector",
                            ["dimension"] = appearanceDimensions,
                            ["method"] = new JsonObject
                            {
                                ["name"] = "hnsw",
                                ["space_type"] = "cosinesimil",
                                ["engine"] = options.Engine,
                                ["parameters"] = new JsonObject { ["m"] = options.M, ["ef_construction"] = options.EfConstruction },
                            },
                        },
                        ["colour"] = new JsonObject { ["type"] = "float", ["index"] = false, ["doc_values"] = false },
                    },
                },
            },
        },
    };

    static JsonObject Keyword() => new() { ["type"] = "keyword" };
}
