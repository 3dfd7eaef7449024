using System.Text;
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
/// OpenSearch documentation gives ("Create index", "Alias", "Get index alias", "Delete index", "Bulk",
/// "Get document", "Index document", "Delete document", "Search", "k-NN nested fields", "Composite
/// aggregations"), with exact search instead of HNSW. Aliases resolve as OpenSearch resolves them: a read
/// through an alias searches the indexes behind it, a write through one needs exactly one index behind it,
/// and a bulk with require_alias fails an item whose target is not an alias instead of creating an index. It
/// does not run Painless: it knows the adapter's update scripts by what they do (upsert, copy, claim,
/// release, finishing a rebuild batch) and applies that. Signatures are not checked. Several worker
/// processes share one. This file: indexes and aliases; the other part: documents and search.
/// </summary>
public sealed partial class OpenSearchStandIn : IAsyncDisposable
{
    readonly WebApplication app;
    readonly object gate = new();
    readonly Dictionary<string, SortedDictionary<string, JsonObject>> indexes = new(StringComparer.Ordinal);
    readonly Dictionary<string, SortedSet<string>> aliases = new(StringComparer.Ordinal);

    OpenSearchStandIn(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The documents of one index, or of the index an alias points at, for a test's assertions.</summary>
    public IReadOnlyList<JsonObject> Documents(string name)
    {
        lock (gate)
            return Resolve(name).SelectMany(index => indexes[index].Values).Select(d => (JsonObject)d.DeepClone()).ToList();
    }

    /// <summary>Every index that exists, in order.</summary>
    public IReadOnlyList<string> Indexes()
    {
        lock (gate)
            return indexes.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The indexes an alias points at (none when there is no such alias).</summary>
    public IReadOnlyList<string> IndexesBehind(string alias)
    {
        lock (gate)
            return aliases.TryGetValue(alias, out var behind) ? behind.ToList() : [];
    }

    public static async Task<OpenSearchStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new OpenSearchStandIn(app);
        app.MapPut("/{index}", async (string index, HttpRequest request) => server.CreateIndex(index, await BodyAsync(request)));
        app.MapDelete("/{index}", (string index) => server.DeleteIndex(index));
        app.MapGet("/_alias/{name}", (string name) => server.GetAlias(name));
        app.MapPost("/_aliases", async (HttpRequest request) => server.UpdateAliases(await BodyAsync(request)));
        server.MapDocuments(app);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    // The index and the aliases in its body are created together, or not at all.
    IResult CreateIndex(string index, JsonObject body)
    {
        var named = (body["aliases"] as JsonObject ?? []).Select(a => a.Key).ToList();
        lock (gate)
        {
            if (indexes.ContainsKey(index))
                return Error(400, "resource_already_exists_exception", $"index [{index}/QjMxXbY5Q2-8zq2pT6R0nA] already exists", index);
            if (aliases.ContainsKey(index))
                return Error(400, "invalid_index_name_exception", $"Invalid index name [{index}], already exists as alias", index);
            if (named.FirstOrDefault(indexes.ContainsKey) is { } clash)
                return Error(400, "invalid_alias_name_exception", $"Invalid alias name [{clash}]: an index or data stream exists with the same name as the alias", clash);
            indexes[index] = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var alias in named)
                AliasesOf(alias).Add(index);
        }
        return Json(200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index });
    }

    IResult DeleteIndex(string index)
    {
        lock (gate)
        {
            if (aliases.ContainsKey(index))
                return Error(400, "illegal_argument_exception",
                    $"The provided expression [{index}] matches an alias, specify the corresponding concrete indices instead.");
            if (!indexes.Remove(index))
                return IndexNotFound(index);
            DropAliasesOf(index);
        }
        return Json(200, new JsonObject { ["acknowledged"] = true });
    }

    IResult GetAlias(string name)
    {
        lock (gate)
        {
            if (!aliases.TryGetValue(name, out var behind))
                // OpenSearch answers a missing alias with a plain-string error, not the usual error object.
                return Json(404, new JsonObject { ["error"] = $"alias [{name}] missing", ["status"] = 404 });
            return Json(200, new JsonObject(behind.Select(index => KeyValuePair.Create(index,
                (JsonNode?)new JsonObject { ["aliases"] = new JsonObject { [name] = new JsonObject() } }))));
        }
    }

    /// <summary>POST /_aliases: every action applies, or none does. remove_index runs before the others, as
    /// OpenSearch runs it, and takes the index's aliases with it.</summary>
    IResult UpdateAliases(JsonObject body)
    {
        var actions = (body["actions"] as JsonArray ?? []).Select(a => a!.AsObject().First())
            .Select(a => (Kind: a.Key, Index: (string)a.Value!["index"]!, Alias: (string?)a.Value!["alias"]))
            .OrderBy(a => a.Kind == "remove_index" ? 0 : 1).ToList();
        lock (gate)
        {
            var removedIndexes = new HashSet<string>(StringComparer.Ordinal);
            var after = aliases.ToDictionary(a => a.Key, a => new SortedSet<string>(a.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var (kind, index, alias) in actions)
            {
                if (!indexes.ContainsKey(index) || removedIndexes.Contains(index))
                    return IndexNotFound(index);
                switch (kind)
                {
                    case "remove_index":
                        removedIndexes.Add(index);
                        foreach (var behind in after.Values)
                            behind.Remove(index);
                        break;
                    case "add":
                        if (indexes.ContainsKey(alias!))
                            return Error(400, "invalid_alias_name_exception", $"Invalid alias name [{alias}]: an index or data stream exists with the same name as the alias", alias!);
                        (after.TryGetValue(alias!, out var set) ? set : after[alias!] = new SortedSet<string>(StringComparer.Ordinal)).Add(index);
                        break;
                    case "remove":
                        if (!after.TryGetValue(alias!, out var from) || !from.Remove(index))
                            return Error(404, "aliases_not_found_exception", $"aliases [{alias}] missing", alias!);
                        break;
                    default:
                        return Error(400, "illegal_argument_exception", $"Unknown action [{kind}]");
                }
            }
            foreach (var index in removedIndexes)
                indexes.Remove(index);
            aliases.Clear();
            foreach (var (alias, behind) in after.Where(a => a.Value.Count > 0))
                aliases[alias] = behind;
        }
        return Json(200, new JsonObject { ["acknowledged"] = true });
    }

    SortedSet<string> AliasesOf(string alias) =>
        aliases.TryGetValue(alias, out var behind) ? behind : aliases[alias] = new SortedSet<string>(StringComparer.Ordinal);

    void DropAliasesOf(string index)
    {
        foreach (var (alias, behind) in aliases.ToList())
            if (behind.Remove(index) && behind.Count == 0)
                aliases.Remove(alias);
    }

    /// <summary>The indexes a name reads: the index itself, or those behind the alias. Under the gate.</summary>
    IReadOnlyList<string> Resolve(string name) =>
        aliases.TryGetValue(name, out var behind) ? behind.ToList() : indexes.ContainsKey(name) ? [name] : [];

    static IResult IndexNotFound(string index) => Error(404, "index_not_found_exception", $"no such index [{index}]", index);

    static IResult Error(int status, string type, string reason, string? index = null)
    {
        var cause = new JsonObject { ["type"] = type, ["reason"] = reason };
        if (index is not null)
            cause["index"] = index;
        var error = (JsonObject)cause.DeepClone();
        error["root_cause"] = new JsonArray(cause);
        return Json(status, new JsonObject { ["error"] = error, ["status"] = status });
    }

    static IResult Json(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
