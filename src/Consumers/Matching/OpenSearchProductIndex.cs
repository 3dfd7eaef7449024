using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The product index in an OpenSearch k-NN index (Amazon OpenSearch Service, signing name "es"): one
/// document per product, its id the product id, its views a nested field (each view's appearance a
/// knn_vector, its colour alongside). Search is a nested k-NN query per query view with the kind as an
/// efficient filter (a product is found by its nearest view), widened to
/// <see cref="MatchingOptions.CandidateViews"/>, then the same exact rerank over all the found products'
/// views as the SQLite index (<see cref="ProductReranker"/>). Reads go through the alias
/// (<see cref="OpenSearchIndexOptions.IndexName"/>), writes to it and to the version a re-index is building
/// (<see cref="OpenSearchIndexVersions"/>). Every write names an alias and requires it to be one, because a
/// write to a missing index would auto-create it with dynamic mappings, where appearance is a plain float
/// array no k-NN query can search; the alias and its first version are created before this process first
/// writes.
/// </summary>
public sealed class OpenSearchProductIndex(
    IAwsHttpClient client,
    AwsService openSearch,
    OpenSearchIndexOptions options,
    MatchingOptions matching) : IProductIndex, IProductIndexRebuild
{
    public const int AppearanceDimensions = SqliteProductIndex.AppearanceDimensions;

    readonly OpenSearchIndexVersions _versions = new(client, openSearch, options, AppearanceDimensions);

    /// <summary>The alias: reads always see the serving version, never one a re-index is still building.</summary>
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

    public async Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken)
    {
        var hits = await SearchOrNoneAsync(new JsonObject
        {
            ["size"] = 1,
            ["_source"] = new JsonArray("views"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject { ["filter"] = new JsonArray(Term("imageContentHash", contentHash), Term("kind", KindName(kind))) },
            },
        }, cancellationToken);
        return hits.Count == 0 ? null : new ItemDescriptor(ViewsOf(hits[0].GetProperty("_source")));
    }

    // Painless scripts for the update API: each reads and writes one document atomically on its shard, so two
    // manifests claiming or releasing the same product at once cannot lose each other's source.
    const string UpsertScript = """
        ctx._source.productId = params.productId;
        ctx._source.imageContentHash = params.imageContentHash;
        ctx._source.kind = params.kind;
        ctx._source.views = params.views;
        if (ctx._source.sources == null) { ctx._source.sources = [params.source]; }
        else if (!ctx._source.sources.contains(params.source)) { ctx._source.sources.add(params.source); }
        """;

    const string ClaimScript = """
        if (ctx._source.sources.contains(params.source)) { ctx.op = 'noop'; } else { ctx._source.sources.add(params.source); }
        """;

    const string ReleaseScript = """
        String released = params.source;
        if (!ctx._source.sources.removeIf(s -> s == released)) { ctx.op = 'noop'; }
        else if (ctx._source.sources.isEmpty()) { ctx.op = 'delete'; }
        """;

    // Used only to copy a product the serving version holds into the building one: a document the rebuild
    // already has (its batch upserted new vectors first) keeps its own description and gains the source.
    const string CopyScript = """
        if (ctx.op == 'create') {
          ctx._source.productId = params.productId;
          ctx._source.imageContentHash = params.imageContentHash;
          ctx._source.kind = params.kind;
          ctx._source.views = params.views;
          ctx._source.sources = [params.source];
        } else if (!ctx._source.sources.contains(params.source)) { ctx._source.sources.add(params.source); }
        """;

    public async Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken)
    {
        entry.Descriptor.RequireAppearanceWidth(AppearanceDimensions, nameof(entry));
        await _versions.EnsureServingAsync(cancellationToken);

        // A scripted upsert replaces the vectors as the SQLite upsert does, and adds the source to the ones the
        // document already has instead of replacing them.
        var (serving, building) = await WriteBothAsync("update", entry.ProductId, ScriptedUpsert(UpsertScript, new JsonObject
        {
            ["productId"] = entry.ProductId,
            ["source"] = entry.Source,
            ["imageContentHash"] = entry.ContentHash,
            ["kind"] = KindName(entry.Kind),
            ["views"] = new JsonArray(entry.Descriptor.Views
                .Select(v => (JsonNode)new JsonObject { ["appearance"] = Floats(v.Appearance), ["colour"] = Floats(v.Colour) }).ToArray()),
        }), cancellationToken);
        serving.ThrowIfFailed();
        if (!building.NoSuchAlias)
            building.ThrowIfFailed();
    }

    // A product that is not there (or an index that is not there) is already deleted.
    public async Task DeleteAsync(string productId, CancellationToken cancellationToken)
    {
        var (serving, building) = await WriteBothAsync("delete", productId, null, cancellationToken);
        foreach (var item in new[] { serving, building }.Where(i => !i.NoSuchAlias))
            item.ThrowIfFailed();
    }

    // The update fails with document_missing_exception when the product is not indexed. A rebuild that lacks
    // the product (its batch has not reached it, or this manifest arrived after the re-index listed the bucket)
    // gets a copy of the serving document: an unchanged photo keeps its vectors in the new version too.
    public async Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken)
    {
        var (serving, building) = await WriteBothAsync("update", productId, new JsonObject { ["script"] = Script(ClaimScript, new JsonObject { ["source"] = source }) },
            cancellationToken);
        if (serving.NoSuchAlias || serving.DocumentMissing)
            return false;
        serving.ThrowIfFailed();
        if (building.DocumentMissing)
            await CopyToBuildingAsync(productId, source, cancellationToken);
        else if (!building.NoSuchAlias)
            building.ThrowIfFailed();
        return true;
    }

    async Task CopyToBuildingAsync(string productId, string source, CancellationToken cancellationToken)
    {
        JsonElement stored;
        try
        {
            stored = (await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Get,
                $"{Index}/_doc/{Uri.EscapeDataString(productId)}", null), cancellationToken)).GetProperty("_source");
        }
        catch (AwsResourceNotFoundException)
        {
            return; // released since: nothing to copy
        }
        var parameters = new JsonObject { ["source"] = source };
        foreach (var field in new[] { "productId", "imageContentHash", "kind", "views" })
            parameters[field] = JsonNode.Parse(stored.GetProperty(field).GetRawText());
        var answer = await _versions.BulkAsync(
            [(new JsonObject { ["update"] = new JsonObject { ["_index"] = options.BuildingAlias, ["_id"] = productId } }, ScriptedUpsert(CopyScript, parameters))],
            cancellationToken);
        if (OpenSearchBulkErrors.Item(answer, 0) is { NoSuchAlias: false } item)
            item.ThrowIfFailed();
    }

    // The script deletes the document when it releases the last source; a missing document is already gone.
    public async Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken)
    {
        var (serving, building) = await WriteBothAsync("update", productId, new JsonObject { ["script"] = Script(ReleaseScript, new JsonObject { ["source"] = source }) },
            cancellationToken);
        if (!building.NoSuchAlias && !building.DocumentMissing)
            building.ThrowIfFailed();
        if (serving.NoSuchAlias || serving.DocumentMissing)
            return false;
        return serving.ThrowIfFailed().Result == "deleted";
    }

    /// <summary>One bulk request with the same action on the serving alias and on the building alias: while a
    /// re-index builds the next version, what a drop changes reaches it too, and where no rebuild runs the second
    /// item fails for want of the alias (require_alias), which the callers ignore. OpenSearch resolves both
    /// aliases as it runs the request, so no process needs to have been told a rebuild began.</summary>
    async Task<(BulkItem Serving, BulkItem Building)> WriteBothAsync(string verb, string productId, JsonObject? body, CancellationToken cancellationToken)
    {
        JsonObject Action(string alias) => new() { [verb] = new JsonObject { ["_index"] = alias, ["_id"] = productId } };
        var answer = await _versions.BulkAsync([(Action(options.IndexName), body), (Action(options.BuildingAlias), body)], cancellationToken);
        return (OpenSearchBulkErrors.Item(answer, 0), OpenSearchBulkErrors.Item(answer, 1));
    }

    static JsonObject ScriptedUpsert(string script, JsonObject parameters) => new()
    {
        ["scripted_upsert"] = true,
        ["upsert"] = new JsonObject(),
        ["script"] = Script(script, parameters),
    };

    public Task BeginRebuildAsync(IReadOnlyCollection<Guid> batchIds, CancellationToken cancellationToken) =>
        _versions.BeginAsync(batchIds, cancellationToken);

    public Task BatchFinishedAsync(Guid batchId, bool completed, CancellationToken cancellationToken) =>
        _versions.BatchFinishedAsync(batchId, completed, cancellationToken);

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
                ["query"] = Term("sources", source),
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

    // A composite terms aggregation pages through every distinct source, however many there are.
    public async Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken)
    {
        var sources = new List<string>();
        JsonNode? after = null;
        while (true)
        {
            var composite = new JsonObject
            {
                ["size"] = options.PageSize,
                ["sources"] = new JsonArray(new JsonObject { ["source"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "sources" } } }),
            };
            if (after is not null)
                composite["after"] = after;
            var answer = await SearchAnswerOrNoneAsync(new JsonObject
            {
                ["size"] = 0,
                ["aggs"] = new JsonObject { ["sources"] = new JsonObject { ["composite"] = composite } },
            }, cancellationToken);
            if (answer is not { } found)
                return sources;
            var aggregation = found.GetProperty("aggregations").GetProperty("sources");
            var buckets = aggregation.GetProperty("buckets").EnumerateArray().ToList();
            sources.AddRange(buckets.Select(b => b.GetProperty("key").StringOrNull("source") ?? ""));
            if (buckets.Count < options.PageSize || !aggregation.TryGetProperty("after_key", out var afterKey))
                return sources;
            after = JsonNode.Parse(afterKey.GetRawText());
        }
    }

    public async Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        query.RequireAppearanceWidth(AppearanceDimensions, nameof(query));

        var found = new Dictionary<string, ProductViews>(StringComparer.Ordinal);
        foreach (var view in query.Views)
            foreach (var product in await NearestProductsAsync(view, kind, cancellationToken))
                found.TryAdd(product.ProductId, product);
        return ProductReranker.Rank(query, found.Values, matching.AppearanceWeight, k);
    }

    /// <summary>The products whose nearest view is among the nearest to one query view, with all their views.</summary>
    async Task<IEnumerable<ProductViews>> NearestProductsAsync(ItemView view, ItemKind kind, CancellationToken cancellationToken)
    {
        var neighbours = matching.CandidateViews;
        var knn = new JsonObject { ["vector"] = Floats(view.Appearance), ["k"] = neighbours };
        if (kind != ItemKind.Any)
            knn["filter"] = Term("kind", KindName(kind));
        var hits = await SearchOrNoneAsync(new JsonObject
        {
            ["size"] = neighbours,
            ["_source"] = new JsonArray("kind", "views"),
            ["query"] = new JsonObject
            {
                ["nested"] = new JsonObject
                {
                    ["path"] = "views",
                    ["query"] = new JsonObject { ["knn"] = new JsonObject { ["views.appearance"] = knn } },
                },
            },
        }, cancellationToken);
        return hits.Select(hit =>
        {
            var source = hit.GetProperty("_source");
            return new ProductViews(
                hit.StringOrNull("_id") ?? throw new InvalidDataException("an OpenSearch hit without an _id"),
                Enum.Parse<ItemKind>(source.GetProperty("kind").GetString()!, ignoreCase: true),
                ViewsOf(source));
        });
    }

    async Task<IReadOnlyList<JsonElement>> SearchOrNoneAsync(JsonObject query, CancellationToken cancellationToken) =>
        await SearchAnswerOrNoneAsync(query, cancellationToken) is { } answer
            ? answer.GetProperty("hits").GetProperty("hits").EnumerateArray().ToList()
            : [];

    // A missing index holds nothing: reads answer null, and the index is created so the next write finds it.
    async Task<JsonElement?> SearchAnswerOrNoneAsync(JsonObject query, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendJsonAsync(openSearch,
                AwsJsonRequests.Json(openSearch, HttpMethod.Post, $"{Index}/_search", query), cancellationToken);
        }
        catch (AwsResourceNotFoundException e) when (e.ErrorCode == "index_not_found_exception")
        {
            _versions.ForgetServing();
            await _versions.EnsureServingAsync(cancellationToken);
            return null;
        }
    }

    static List<ItemView> ViewsOf(JsonElement source) =>
        source.GetProperty("views").EnumerateArray()
            .Select(v => new ItemView(FloatsOf(v.GetProperty("appearance")), FloatsOf(v.GetProperty("colour")))).ToList();

    static float[] FloatsOf(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();

    static JsonObject Script(string source, JsonObject parameters) =>
        new() { ["lang"] = "painless", ["source"] = source, ["params"] = parameters };

    static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    static JsonArray Floats(float[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    // The same names the SQLite index stores.
    static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
