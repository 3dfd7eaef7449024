using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The product index in an OpenSearch k-NN index (Amazon OpenSearch Service, signing name "es"): one
/// document per product, its id the product id. Search is a k-NN query on appearance with the kind as an
/// efficient filter, widened to <see cref="MatchingOptions.CandidatesFor"/> neighbours, then the same
/// rerank as the SQLite index (<see cref="ProductReranker"/>). The index is created with its mapping before
/// this process first writes, because a bulk write to a missing index would auto-create it with dynamic
/// mappings, where appearance is a plain float array no k-NN query can search.
/// </summary>
public sealed class OpenSearchProductIndex(
    IAwsHttpClient client,
    AwsService openSearch,
    OpenSearchIndexOptions options,
    MatchingOptions matching) : IProductIndex
{
    public const int AppearanceDimensions = SqliteProductIndex.AppearanceDimensions;

    readonly SemaphoreSlim _creating = new(1, 1);
    volatile bool _created;

    string Index => Uri.EscapeDataString(options.IndexName);

    public async Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken)
    {
        var hits = await SearchOrNoneAsync(new JsonObject
        {
            ["size"] = 1,
            ["_source"] = new JsonArray("imageContentHash"),
            ["query"] = Term("productId", productId),
        }, cancellationToken);
        return hits.Count == 0 ? null : hits[0].GetProperty("_source").StringOrNull("imageContentHash");
    }

    public async Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken)
    {
        if (entry.Descriptor.Appearance.Length != AppearanceDimensions)
            throw new ArgumentException(
                $"the product index holds {AppearanceDimensions}-dimensional appearance vectors, not {entry.Descriptor.Appearance.Length}", nameof(entry));
        await EnsureIndexAsync(cancellationToken);

        // _bulk with an index action replaces the whole document, as the SQLite upsert replaces the row.
        var action = new JsonObject { ["index"] = new JsonObject { ["_index"] = options.IndexName, ["_id"] = entry.ProductId } };
        var document = new JsonObject
        {
            ["productId"] = entry.ProductId,
            ["source"] = entry.Source,
            ["imageContentHash"] = entry.ContentHash,
            ["kind"] = KindName(entry.Kind),
            ["appearance"] = Floats(entry.Descriptor.Appearance),
            ["colour"] = Floats(entry.Descriptor.Colour),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(openSearch.Endpoint, $"_bulk?refresh={options.Refresh}"))
        {
            Content = new StringContent($"{action.ToJsonString()}\n{document.ToJsonString()}\n", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var answer = await client.SendJsonAsync(openSearch, request, cancellationToken);
        OpenSearchBulkErrors.ThrowIfAny(answer);
    }

    // A product that is not there (or an index that is not there) is already deleted.
    public async Task DeleteAsync(string productId, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Delete,
                $"{Index}/_doc/{Uri.EscapeDataString(productId)}?refresh={options.Refresh}", null), cancellationToken);
        }
        catch (AwsResourceNotFoundException)
        {
        }
    }

    // A partial update touches only the source field and fails with document_missing_exception when the
    // product is not indexed: the SQLite UPDATE ... WHERE product_id, in one atomic request.
    public async Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Post,
                $"{Index}/_update/{Uri.EscapeDataString(productId)}?refresh={options.Refresh}",
                new JsonObject { ["doc"] = new JsonObject { ["source"] = source } }), cancellationToken);
            return true;
        }
        catch (AwsResourceNotFoundException)
        {
            return false;
        }
    }

    // Paged with search_after on productId, so a manifest of any size is listed, in ordinal order.
    public async Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var query = new JsonObject
            {
                ["size"] = options.PageSize,
                ["_source"] = false,
                ["query"] = Term("source", source),
                ["sort"] = new JsonArray(new JsonObject { ["productId"] = "asc" }),
            };
            if (after is not null)
                query["search_after"] = new JsonArray(after);
            var hits = await SearchOrNoneAsync(query, cancellationToken);
            foreach (var hit in hits)
                ids.Add(hit.StringOrNull("_id") ?? throw new InvalidDataException("an OpenSearch hit without an _id"));
            if (hits.Count < options.PageSize)
                return ids;
            after = ids[^1];
        }
    }

    public async Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (query.Appearance.Length != AppearanceDimensions)
            throw new ArgumentException(
                $"the product index is searched with {AppearanceDimensions}-dimensional appearance vectors, not {query.Appearance.Length}", nameof(query));

        var neighbours = matching.CandidatesFor(k);
        var hits = await SearchOrNoneAsync(new JsonObject
        {
            ["size"] = neighbours,
            ["_source"] = new JsonArray("colour"),
            ["query"] = new JsonObject
            {
                ["knn"] = new JsonObject
                {
                    ["appearance"] = new JsonObject
                    {
                        ["vector"] = Floats(query.Appearance),
                        ["k"] = neighbours,
                        ["filter"] = Term("kind", KindName(kind)),
                    },
                },
            },
        }, cancellationToken);

        return ProductReranker.Rank(hits.Select(hit => new ProductCandidate(
            hit.StringOrNull("_id") ?? throw new InvalidDataException("an OpenSearch hit without an _id"),
            AppearanceSimilarity(hit.GetProperty("_score").GetDouble()),
            hit.GetProperty("_source").GetProperty("colour").EnumerateArray().Select(v => v.GetSingle()).ToArray())),
            query.Colour, matching.AppearanceWeight, k);
    }

    /// <summary>OpenSearch scores a cosinesimil hit (2 - d) / 2 with d = 1 - cos (docs, "Spaces"), so the
    /// cosine similarity the SQLite index derives from sqlite-vec's distance is 2 * score - 1.</summary>
    public static double AppearanceSimilarity(double score) => DescriptorSimilarity.FromCosineDistance(2 - 2 * score);

    // A missing index holds nothing: reads answer empty, and the index is created so the next write finds it.
    async Task<IReadOnlyList<JsonElement>> SearchOrNoneAsync(JsonObject query, CancellationToken cancellationToken)
    {
        JsonElement answer;
        try
        {
            answer = await client.SendJsonAsync(openSearch,
                AwsJsonRequests.Json(openSearch, HttpMethod.Post, $"{Index}/_search", query), cancellationToken);
        }
        catch (AwsResourceNotFoundException e) when (e.ErrorCode == "index_not_found_exception")
        {
            _created = false;
            await EnsureIndexAsync(cancellationToken);
            return [];
        }
        return answer.GetProperty("hits").GetProperty("hits").EnumerateArray().ToList();
    }

    async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_created)
            return;
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (_created)
                return;
            try
            {
                await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Put, Index,
                    OpenSearchIndexMapping.Body(options, AppearanceDimensions)), cancellationToken);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "resource_already_exists_exception")
            {
                // Another process created it first: the mapping is the same.
            }
            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    static JsonArray Floats(float[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    // The same names the SQLite index stores.
    static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
