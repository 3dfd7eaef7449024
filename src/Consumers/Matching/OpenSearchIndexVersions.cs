using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The versioned indexes behind the product index's alias ("products" pointing at "products-v3"). Everything a
/// process needs to know lives in OpenSearch itself, so any worker can take any step:
/// <list type="bullet">
/// <item>First start: "products-v1" is created together with the alias, in one create-index request; two
/// processes starting at once both send it, one wins and the other's resource_already_exists is its answer.</item>
/// <item>A re-index creates the next version with the alias <see cref="OpenSearchIndexOptions.BuildingAlias"/>,
/// again in one request, and puts in it one rebuild document (id <see cref="RebuildDocumentId"/>): the batch
/// ids still to finish and the version it replaces. The state lives and dies with the index it describes: an
/// abandoned rebuild is dropped by deleting its index.</item>
/// <item>Each finished batch is removed from that document by a script (atomic on its shard); whoever then finds
/// the list empty swaps the alias, drops the building alias and deletes the old version in one atomic
/// _aliases request. Heard again, the swap finds it done.</item>
/// </list>
/// </summary>
sealed class OpenSearchIndexVersions(IAwsHttpClient client, AwsService openSearch, OpenSearchIndexOptions options, int appearanceDimensions)
{
    /// <summary>".." is refused in product ids (CatalogManifestParser), so no product can have this id.</summary>
    public const string RebuildDocumentId = "..rebuild";

    readonly SemaphoreSlim _ensuring = new(1, 1);
    volatile bool _serving;

    /// <summary>Makes sure the alias exists (with v1 behind it on a first start); once per process.</summary>
    public async Task EnsureServingAsync(CancellationToken cancellationToken)
    {
        if (_serving)
            return;
        await _ensuring.WaitAsync(cancellationToken);
        try
        {
            if (_serving)
                return;
            // The alias never goes away once made (a swap moves it atomically), so absent means never created.
            if (await IndexBehindAsync(options.IndexName, cancellationToken) is null)
            {
                try
                {
                    await CreateAsync(options.VersionedIndex(1), options.IndexName, cancellationToken);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "invalid_alias_name_exception")
                {
                    throw new InvalidOperationException(
                        $"the OpenSearch index '{options.IndexName}' is an index, not an alias: an earlier release made it before the " +
                        $"product index was versioned. Delete it (DELETE /{options.IndexName}) and run reindex, which applies every " +
                        "manifest in the catalog bucket again", e);
                }
            }
            _serving = true;
        }
        finally
        {
            _ensuring.Release();
        }
    }

    /// <summary>A read found no index: the next write checks again.</summary>
    public void ForgetServing() => _serving = false;

    public async Task BeginAsync(IReadOnlyCollection<Guid> batchIds, CancellationToken cancellationToken)
    {
        var serving = await IndexBehindAsync(options.IndexName, cancellationToken);
        if (serving is null)
        {
            // A re-index before anything was ever indexed: v1 is what it replaces.
            await EnsureServingAsync(cancellationToken);
            serving = await IndexBehindAsync(options.IndexName, cancellationToken)
                      ?? throw new InvalidOperationException($"the OpenSearch alias '{options.IndexName}' points at no index");
        }
        var unfinished = await IndexBehindAsync(options.BuildingAlias, cancellationToken);
        if (unfinished is not null)
            await DeleteIndexAsync(unfinished, cancellationToken);

        // Never a number used before, so a batch of the dropped rebuild cannot mistake the new one for its own.
        var next = options.VersionedIndex(Math.Max(options.VersionOf(serving), unfinished is null ? 0 : options.VersionOf(unfinished)) + 1);
        if (!await CreateAsync(next, options.BuildingAlias, cancellationToken))
            throw new InvalidOperationException($"the OpenSearch index '{next}' already exists: another re-index began at the same moment");
        await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Put,
            $"{Escape(next)}/_doc/{Escape(RebuildDocumentId)}?refresh=wait_for", new JsonObject
            {
                ["pendingBatches"] = new JsonArray(batchIds.Select(b => (JsonNode)b.ToString("N")).ToArray()),
                ["replaces"] = serving,
            }), cancellationToken);
    }

    const string FinishBatchScript = """
        String finished = params.batch;
        if (!ctx._source.pendingBatches.removeIf(b -> b == finished)) { ctx.op = 'noop'; }
        """;

    public async Task BatchFinishedAsync(Guid batchId, bool completed, CancellationToken cancellationToken)
    {
        var batch = batchId.ToString("N");
        if (!completed)
        {
            if (await RebuildAsync(cancellationToken) is { } rebuild && rebuild.Pending.Contains(batch))
                await DeleteIndexAsync(rebuild.Index, cancellationToken);
            return;
        }

        // Through the building alias with require_alias: with no rebuild the item fails instead of an update
        // auto-creating an index named like the alias.
        var update = new JsonObject
        {
            ["script"] = new JsonObject
            {
                ["lang"] = "painless", ["source"] = FinishBatchScript, ["params"] = new JsonObject { ["batch"] = batch },
            },
        };
        var answer = await BulkAsync(
            [(new JsonObject { ["update"] = new JsonObject { ["_index"] = options.BuildingAlias, ["_id"] = RebuildDocumentId } }, update)],
            cancellationToken);
        var item = OpenSearchBulkErrors.Item(answer, 0);
        if (item.NoSuchAlias || item.DocumentMissing)
            return;
        item.ThrowIfFailed();

        // Read again rather than trusting the update's own answer: a batch heard again after its process died
        // between this update and the swap finds nothing left to remove, and still swaps.
        if (await RebuildAsync(cancellationToken) is { Pending.Count: 0 } done)
            await SwapAsync(done, cancellationToken);
    }

    async Task SwapAsync(Rebuild rebuild, CancellationToken cancellationToken)
    {
        try
        {
            // remove_index deletes the old version and its alias in the same atomic change: no moment without an
            // index behind the alias, and no old version left over by a process that dies after the swap.
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Post, "_aliases", new JsonObject
            {
                ["actions"] = new JsonArray(
                    new JsonObject { ["add"] = new JsonObject { ["index"] = rebuild.Index, ["alias"] = options.IndexName } },
                    new JsonObject { ["remove"] = new JsonObject { ["index"] = rebuild.Index, ["alias"] = options.BuildingAlias } },
                    new JsonObject { ["remove_index"] = new JsonObject { ["index"] = rebuild.Replaces } }),
            }), cancellationToken);
        }
        catch (AwsResourceNotFoundException)
        {
            // Another process swapped first (the old version is gone), or the rebuild was dropped.
            if (await IndexBehindAsync(options.IndexName, cancellationToken) != rebuild.Index)
                throw;
        }
        try
        {
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Delete,
                $"{Escape(rebuild.Index)}/_doc/{Escape(RebuildDocumentId)}?refresh=wait_for", null), cancellationToken);
        }
        catch (AwsResourceNotFoundException)
        {
            // Deleted already; had it stayed, no product query would find it.
        }
    }

    async Task<Rebuild?> RebuildAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Get,
                $"{Escape(options.BuildingAlias)}/_doc/{Escape(RebuildDocumentId)}", null), cancellationToken);
            var source = answer.GetProperty("_source");
            return new Rebuild(
                answer.StringOrNull("_index") ?? throw new InvalidDataException("an OpenSearch document without an _index"),
                source.GetProperty("pendingBatches").EnumerateArray().Select(b => b.GetString()!).ToList(),
                source.StringOrNull("replaces") ?? throw new InvalidDataException("a rebuild document without the index it replaces"));
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The index an alias points at, or null when there is no such alias.</summary>
    async Task<string?> IndexBehindAsync(string alias, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.SendJsonAsync(openSearch,
                AwsJsonRequests.Json(openSearch, HttpMethod.Get, $"_alias/{Escape(alias)}", null), cancellationToken);
            return answer.EnumerateObject().Select(index => index.Name).Order(StringComparer.Ordinal).LastOrDefault();
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>False when the index exists already (another process created it first: the mapping is the same).</summary>
    async Task<bool> CreateAsync(string index, string alias, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Put, Escape(index),
                OpenSearchIndexMapping.Body(options, appearanceDimensions, alias)), cancellationToken);
            return true;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "resource_already_exists_exception")
        {
            return false;
        }
    }

    async Task DeleteIndexAsync(string index, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendJsonAsync(openSearch, AwsJsonRequests.Json(openSearch, HttpMethod.Delete, Escape(index), null), cancellationToken);
        }
        catch (AwsResourceNotFoundException)
        {
        }
    }

    /// <summary>A _bulk request whose actions must each name an alias: one naming an alias that does not exist
    /// fails (index_not_found_exception) instead of auto-creating an index of that name with dynamic mappings.</summary>
    public async Task<JsonElement> BulkAsync(IEnumerable<(JsonObject Action, JsonObject? Body)> actions, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var (action, body) in actions)
        {
            lines.Append(action.ToJsonString()).Append('\n');
            if (body is not null)
                lines.Append(body.ToJsonString()).Append('\n');
        }
        var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(openSearch.Endpoint, $"_bulk?refresh={options.Refresh}&require_alias=true"))
        {
            Content = new StringContent(lines.ToString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return await client.SendJsonAsync(openSearch, request, cancellationToken);
    }

    static string Escape(string name) => Uri.EscapeDataString(name);

    sealed record Rebuild(string Index, IReadOnlyList<string> Pending, string Replaces);
}
