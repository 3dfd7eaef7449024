using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>The stand-in's documents: bulk writes, single-document reads and writes, and search.</summary>
public sealed partial class OpenSearchStandIn
{
    void MapDocuments(WebApplication app)
    {
        app.MapPost("/_bulk", async (HttpRequest request) =>
            Bulk(await new StreamReader(request.Body).ReadToEndAsync(), request.Query["require_alias"] == "true"));
        app.MapGet("/{index}/_doc/{id}", (string index, string id) => GetDocument(index, id));
        app.MapPut("/{index}/_doc/{id}", async (string index, string id, HttpRequest request) => PutDocument(index, id, await BodyAsync(request)));
        app.MapDelete("/{index}/_doc/{id}", (string index, string id) => DeleteDocument(index, id));
        app.MapPost("/{index}/_search", async (string index, HttpRequest request) => Search(index, await BodyAsync(request)));
    }

    IResult Bulk(string body, bool requireAlias)
    {
        var lines = new Queue<string>(body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var items = new JsonArray();
        var errors = false;
        lock (gate)
        {
            while (lines.TryDequeue(out var line))
            {
                var action = JsonNode.Parse(line)!.AsObject();
                var (verb, target) = (action.First().Key, action.First().Value!.AsObject());
                var source = verb == "delete" ? null : JsonNode.Parse(lines.Dequeue())!.AsObject();
                var (name, id) = ((string)target["_index"]!, (string)target["_id"]!);
                var item = BulkItem(verb, name, id, source, requireAlias);
                errors |= item.ContainsKey("error");
                items.Add(new JsonObject { [verb] = item });
            }
        }
        return Json(200, new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items });
    }

    /// <summary>One bulk action, under the gate.</summary>
    JsonObject BulkItem(string verb, string name, string id, JsonObject? body, bool requireAlias)
    {
        JsonObject Failed(int status, string type, string reason) => new()
        {
            ["_index"] = name, ["_id"] = id, ["status"] = status,
            ["error"] = new JsonObject { ["type"] = type, ["reason"] = reason, ["index"] = name },
        };

        if (requireAlias && !aliases.ContainsKey(name) && verb != "delete")
            return Failed(404, "index_not_found_exception",
                $"no such index [{name}] and [require_alias] request flag is [true] and [{name}] is not an alias");
        var behind = Resolve(name);
        if (behind.Count > 1)
            return Failed(400, "illegal_argument_exception",
                $"no write index is defined for alias [{name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index");
        if (behind.Count == 0 && verb == "delete")
            return Failed(404, "index_not_found_exception", $"no such index [{name}]");
        // Without require_alias a write to a missing index creates it (with dynamic mappings, in OpenSearch).
        var index = behind.Count == 1 ? behind[0] : name;
        var documents = indexes.TryGetValue(index, out var existing) ? existing : indexes[index] = new(StringComparer.Ordinal);

        JsonObject Done(string result, int status) =>
            new() { ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["result"] = result, ["status"] = status };

        var found = documents.TryGetValue(id, out var document);
        if (verb == "delete")
            return documents.Remove(id) ? Done("deleted", 200) : Done("not_found", 404);
        if (verb is "index" or "create")
        {
            documents[id] = body!;
            return Done(found ? "updated" : "created", found ? 200 : 201);
        }

        var script = (string?)body!["script"]?["source"] ?? "";
        var parameters = body["script"]?["params"] as JsonObject ?? [];
        if (!found && body["scripted_upsert"]?.GetValue<bool>() != true)
            return Failed(404, "document_missing_exception", $"[{id}]: document missing");
        document ??= [];
        var result = script switch
        {
            _ when script.Contains("ctx.op == 'create'", StringComparison.Ordinal) => Copy(document, parameters, created: !found),
            _ when script.Contains("pendingBatches", StringComparison.Ordinal) => Release(document, "pendingBatches", (string?)parameters["batch"], deleteWhenEmpty: false),
            _ when script.Contains("removeIf", StringComparison.Ordinal) => Release(document, "sources", (string?)parameters["source"], deleteWhenEmpty: true),
            _ when body["scripted_upsert"] is not null => Upsert(document, parameters),
            _ => Claim(document, (string?)parameters["source"]),
        };
        if (result == "deleted")
            documents.Remove(id);
        else
            documents[id] = document;
        return Done(found ? result : "created", found ? 200 : 201);
    }

    // The adapter's upsert script: replace the description, add the source to the ones already listed.
    static string Upsert(JsonObject document, JsonObject parameters)
    {
        foreach (var field in new[] { "productId", "imageContentHash", "kind", "views" })
            document[field] = parameters[field]!.DeepClone();
        Claim(document, (string?)parameters["source"]);
        return "updated";
    }

    // The copy script: a new document takes the serving one's description; an existing one only gains the source.
    static string Copy(JsonObject document, JsonObject parameters, bool created) =>
        created ? Upsert(document, parameters) : Claim(document, (string?)parameters["source"]);

    // The claim script: add the source unless it is listed.
    static string Claim(JsonObject document, string? source)
    {
        var sources = document["sources"] as JsonArray ?? [];
        document["sources"] = sources;
        if (sources.Any(s => (string?)s == source))
            return "noop";
        sources.Add(source);
        return "updated";
    }

    // The release script (sources: the last one out deletes the document) and the finished-batch script.
    static string Release(JsonObject document, string field, string? value, bool deleteWhenEmpty)
    {
        var values = document[field] as JsonArray ?? [];
        var listed = values.FirstOrDefault(v => (string?)v == value);
        if (listed is null)
            return "noop";
        values.Remove(listed);
        return deleteWhenEmpty && values.Count == 0 ? "deleted" : "updated";
    }

    IResult GetDocument(string name, string id)
    {
        lock (gate)
        {
            var behind = Resolve(name);
            if (behind.Count == 0)
                return IndexNotFound(name);
            foreach (var index in behind)
                if (indexes[index].TryGetValue(id, out var document))
                    return Json(200, new JsonObject
                    {
                        ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["_seq_no"] = 0, ["_primary_term"] = 1, ["found"] = true,
                        ["_source"] = document.DeepClone(),
                    });
            return Json(404, new JsonObject { ["_index"] = behind[0], ["_id"] = id, ["found"] = false });
        }
    }

    IResult PutDocument(string name, string id, JsonObject body)
    {
        lock (gate)
        {
            var behind = Resolve(name);
            if (behind.Count != 1)
                return IndexNotFound(name);
            var created = indexes[behind[0]].TryAdd(id, body);
            indexes[behind[0]][id] = body;
            return Json(created ? 201 : 200, new JsonObject
            {
                ["_index"] = behind[0], ["_id"] = id, ["_version"] = 1, ["result"] = created ? "created" : "updated",
            });
        }
    }

    IResult DeleteDocument(string name, string id)
    {
        lock (gate)
        {
            var behind = Resolve(name);
            if (behind.Count != 1)
                return IndexNotFound(name);
            var deleted = indexes[behind[0]].Remove(id);
            return Json(deleted ? 200 : 404, new JsonObject { ["_index"] = behind[0], ["_id"] = id, ["result"] = deleted ? "deleted" : "not_found" });
        }
    }

    IResult Search(string name, JsonObject body)
    {
        List<(string Index, string Id, JsonObject Document)> documents;
        lock (gate)
        {
            var behind = Resolve(name);
            if (behind.Count == 0)
                return IndexNotFound(name);
            documents = behind.SelectMany(index => indexes[index].Select(d => (index, d.Key, (JsonObject)d.Value.DeepClone()))).ToList();
        }

        if (body["aggs"]?["sources"]?["composite"] is JsonObject composite)
            return Json(200, new JsonObject
            {
                ["hits"] = Hits([]),
                ["aggregations"] = new JsonObject { ["sources"] = Composite(documents.Select(d => d.Document).ToList(), composite) },
            });

        var size = (int?)body["size"] ?? 10;
        var query = body["query"] as JsonObject ?? [];
        IEnumerable<((string Index, string Id, JsonObject Document) Hit, double Score)> hits;
        if (query["nested"]?["query"]?["knn"]?["views.appearance"] is JsonObject knn)
        {
            var vector = knn["vector"]!.AsArray().Select(v => (double)v!).ToArray();
            var filter = knn["filter"] as JsonObject;
            // Exact k-NN: a document scores by its nearest view, cosinesimil's (1 + cos) / 2. A document
            // without views (the rebuild's bookkeeping) has nothing nested to match.
            hits = documents.Where(d => d.Document["views"] is JsonArray && (filter is null || Matches(d.Document, filter)))
                .Select(d => (d, d.Document["views"]!.AsArray().Max(v => (1 + Cosine(vector, v!["appearance"]!.AsArray())) / 2)))
                .OrderByDescending(h => h.Item2)
                .Take((int?)knn["k"] ?? size);
        }
        else
        {
            hits = documents.Where(d => Matches(d.Document, query)).Select(d => (d, 1.0));
            if (body["search_after"] is JsonArray after)
                hits = hits.Where(h => string.CompareOrdinal((string?)h.Item1.Document["productId"], (string?)after[0]) > 0);
        }

        var wanted = body["_source"];
        var page = hits.Take(size).Select(h =>
        {
            var hit = new JsonObject { ["_index"] = h.Hit.Index, ["_id"] = h.Hit.Id, ["_score"] = h.Score };
            if (wanted is JsonArray fields)
                hit["_source"] = new JsonObject(fields.Select(f => (string)f!).Where(h.Hit.Document.ContainsKey)
                    .Select(f => KeyValuePair.Create(f, (JsonNode?)h.Hit.Document[f]!.DeepClone())));
            else if (wanted is null || wanted.GetValueKind() != JsonValueKind.False)
                hit["_source"] = h.Hit.Document.DeepClone();
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
}
