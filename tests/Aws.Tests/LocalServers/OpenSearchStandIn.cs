using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>
/// A STAND-IN for Amazon OpenSearch Service, because OpenSearch cannot run on this machine: an HTTP server
/// on 127.0.0.1 that answers exactly the requests <c>OpenSearchProductIndex</c> sends, in the shapes the
/// OpenSearch documentation gives ("Create index", "Bulk", "Update document", "Delete document", "Search",
/// "k-NN nested fields", "Composite aggregations"), with exact search instead of HNSW. It does not run
/// Painless: it knows the adapter's three update scripts by what they do (upsert adding a source, claim,
/// release) and applies that. Signatures are not checked. Several worker processes share one.
/// </summary>
public sealed class OpenSearchStandIn : IAsyncDisposable
{
    readonly WebApplication app;
    readonly object gate = new();
    readonly Dictionary<string, SortedDictionary<string, JsonObject>> indexes = new(StringComparer.Ordinal);

    OpenSearchStandIn(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The documents of one index, for a test's assertions.</summary>
    public IReadOnlyList<JsonObject> Documents(string index)
    {
        lock (gate)
            return indexes.TryGetValue(index, out var documents) ? documents.Values.Select(d => (JsonObject)d.DeepClone()).ToList() : [];
    }

    public static async Task<OpenSearchStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new OpenSearchStandIn(app);
        app.MapPut("/{index}", (string index) => server.CreateIndex(index));
        app.MapPost("/_bulk", async (HttpRequest request) => server.Bulk(await new StreamReader(request.Body).ReadToEndAsync()));
        app.MapPost("/{index}/_update/{id}", async (string index, string id, HttpRequest request) =>
            server.Update(index, id, await JsonNode.ParseAsync(request.Body) as JsonObject ?? []));
        app.MapDelete("/{index}/_doc/{id}", (string index, string id) => server.Delete(index, id));
        app.MapPost("/{index}/_search", async (string index, HttpRequest request) =>
            server.Search(index, await JsonNode.ParseAsync(request.Body) as JsonObject ?? []));
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    IResult CreateIndex(string index)
    {
        lock (gate)
        {
            if (!indexes.TryAdd(index, new SortedDictionary<string, JsonObject>(StringComparer.Ordinal)))
                return Error(400, "resource_already_exists_exception", $"index [{index}] already exists");
        }
        return Json(200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index });
    }

    IResult Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        lock (gate)
        {
            for (var i = 0; i + 1 < lines.Length; i += 2)
            {
                var action = JsonNode.Parse(lines[i])!.AsObject();
                var (name, target) = (action.First().Key, action.First().Value!.AsObject());
                var (index, id) = ((string)target["_index"]!, (string)target["_id"]!);
                var documents = indexes.TryGetValue(index, out var existing) ? existing : indexes[index] = new(StringComparer.Ordinal);
                var created = !documents.TryGetValue(id, out var document);
                document ??= [];
                var source = JsonNode.Parse(lines[i + 1])!.AsObject();
                if (name == "update" && source["script"]?["params"] is JsonObject parameters)
                    ApplyUpsert(document, parameters);
                else
                    document = source;
                documents[id] = document;
                items.Add(new JsonObject
                {
                    [name] = new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = created ? "created" : "updated", ["status"] = created ? 201 : 200 },
                });
            }
        }
        return Json(200, new JsonObject { ["took"] = 1, ["errors"] = false, ["items"] = items });
    }

    // The adapter's upsert script: replace the description, add the source to the ones already listed.
    static void ApplyUpsert(JsonObject document, JsonObject parameters)
    {
        foreach (var field in new[] { "productId", "imageContentHash", "kind", "views" })
            document[field] = parameters[field]!.DeepClone();
        var sources = document["sources"] as JsonArray ?? [];
        if (!sources.Any(s => (string?)s == (string?)parameters["source"]))
            sources.Add((string?)parameters["source"]);
        document["sources"] = sources;
    }

    IResult Update(string index, string id, JsonObject body)
    {
        var script = (string?)body["script"]?["source"] ?? "";
        var source = (string?)body["script"]?["params"]?["source"];
        lock (gate)
        {
            if (!indexes.TryGetValue(index, out var documents) || !documents.TryGetValue(id, out var document))
                return Error(404, "document_missing_exception", $"[{id}]: document missing");
            var sources = document["sources"] as JsonArray ?? [];
            document["sources"] = sources;
            var listed = sources.FirstOrDefault(s => (string?)s == source);
            string result;
            if (script.Contains("removeIf", StringComparison.Ordinal))
            {
                // The release script: drop the source; the last one out deletes the document.
                if (listed is null)
                    result = "noop";
                else
                {
                    sources.Remove(listed);
                    result = sources.Count == 0 ? "deleted" : "updated";
                    if (sources.Count == 0)
                        documents.Remove(id);
                }
            }
            else
            {
                // The claim script: add the source unless it is listed.
                result = listed is null ? "updated" : "noop";
                if (listed is null)
                    sources.Add(source);
            }
            return Json(200, new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = result });
        }
    }

    IResult Delete(string index, string id)
    {
        lock (gate)
        {
            var deleted = indexes.TryGetValue(index, out var documents) && documents.Remove(id);
            return Json(deleted ? 200 : 404, new JsonObject { ["_index"] = index, ["_id"] = id, ["result"] = deleted ? "deleted" : "not_found" });
        }
    }

    IResult Search(string index, JsonObject body)
    {
        List<JsonObject> documents;
        lock (gate)
        {
            if (!indexes.TryGetValue(index, out var all))
                return Error(404, "index_not_found_exception", $"no such index [{index}]");
            documents = all.Values.Select(d => (JsonObject)d.DeepClone()).ToList();
        }

        if (body["aggs"]?["sources"]?["composite"] is JsonObject composite)
            return Json(200, new JsonObject { ["hits"] = Hits([]), ["aggregations"] = new JsonObject { ["sources"] = Composite(documents, composite) } });

        var size = (int?)body["size"] ?? 10;
        var query = body["query"] as JsonObject ?? [];
        IEnumerable<(JsonObject Document, double Score)> hits;
        if (query["nested"]?["query"]?["knn"]?["views.appearance"] is JsonObject knn)
        {
            var vector = knn["vector"]!.AsArray().Select(v => (double)v!).ToArray();
            var filter = knn["filter"] as JsonObject;
            // Exact k-NN: a document scores by its nearest view, cosinesimil's (1 + cos) / 2.
            hits = documents.Where(d => filter is null || Matches(d, filter))
                .Select(d => (d, d["views"]!.AsArray().Max(v => (1 + Cosine(vector, v!["appearance"]!.AsArray())) / 2)))
                .OrderByDescending(h => h.Item2)
                .Take((int?)knn["k"] ?? size);
        }
        else
        {
            hits = documents.Where(d => Matches(d, query)).Select(d => (d, 1.0));
            if (body["search_after"] is JsonArray after)
                hits = hits.Where(h => string.CompareOrdinal((string?)h.Item1["productId"], (string?)after[0]) > 0);
        }

        var wanted = body["_source"];
        var page = hits.Take(size).Select(h =>
        {
            var hit = new JsonObject { ["_index"] = index, ["_id"] = (string?)h.Document["productId"], ["_score"] = h.Score };
            if (wanted is JsonArray fields)
                hit["_source"] = new JsonObject(fields.Select(f => (string)f!).Where(h.Document.ContainsKey)
                    .Select(f => KeyValuePair.Create(f, (JsonNode?)h.Document[f]!.DeepClone())));
            else if (wanted is null || wanted.GetValueKind() != JsonValueKind.False)
                hit["_source"] = h.Document.DeepClone();
            return (JsonNode)hit;
        });
        return Json(200, new JsonObject { ["took"] = 1, ["timed_out"] = false, ["hits"] = Hits(page) });
    }

    /// <summary>term (a keyword, or any element of a keyword array) and bool.filter of terms.</summary>
    static bool Matches(JsonObject document, JsonObject query)
    {
        if (query["term"] is JsonObject term)
        {
            var (field, value) = (term.First().Key, (string?)term.First().Value);
            return document[field] switch
            {
                JsonArray values => values.Any(v => (string?)v == value),
                var single => (string?)single == value,
            };
        }
        if (query["bool"]?["filter"] is JsonArray filters)
            return filters.All(f => Matches(document, f!.AsObject()));
        return query.Count == 0 || query["match_all"] is not null;
    }

    static JsonObject Composite(List<JsonObject> documents, JsonObject composite)
    {
        var size = (int?)composite["size"] ?? 10;
        var after = (string?)composite["after"]?["source"];
        var sources = documents.SelectMany(d => d["sources"] as JsonArray ?? []).Select(s => (string)s!)
            .Distinct().Order(StringComparer.Ordinal)
            .Where(s => after is null || string.CompareOrdinal(s, after) > 0).Take(size).ToList();
        var result = new JsonObject
        {
            ["buckets"] = new JsonArray(sources.Select(s => (JsonNode)new JsonObject
            {
                ["key"] = new JsonObject { ["source"] = s },
                ["doc_count"] = documents.Count(d => (d["sources"] as JsonArray ?? []).Any(x => (string?)x == s)),
            }).ToArray()),
        };
        if (sources.Count > 0)
            result["after_key"] = new JsonObject { ["source"] = sources[^1] };
        return result;
    }

    static double Cosine(double[] a, JsonArray b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var y = (double)b[i]!;
            (dot, na, nb) = (dot + a[i] * y, na + a[i] * a[i], nb + y * y);
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    static JsonObject Hits(IEnumerable<JsonNode> hits) =>
        new() { ["total"] = new JsonObject { ["value"] = 0, ["relation"] = "eq" }, ["max_score"] = null, ["hits"] = new JsonArray(hits.ToArray()) };

    static IResult Error(int status, string type, string reason) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
            ["type"] = type,
            ["reason"] = reason,
        },
        ["status"] = status,
    });

    static IResult Json(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
