using System.Text.Json.Nodes;

namespace ShoppableVideo.Aws.Tests.Replay.OpenSearch;

/// <summary>Answers in the shapes OpenSearch documents them (docs.opensearch.org: "Create index", "Alias" (POST
/// _aliases), "Get index alias", "Delete index", "Bulk", "Get document", "Index document", "Delete document",
/// "Search", and the common error body {"error": {"root_cause": [...], "type": ..., "reason": ...}, "status":
/// ...}), trimmed to what matters.</summary>
static class OpenSearchAnswers
{
    public static string IndexCreated(string index = "products-v1") =>
        $$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{index}}"}""";

    /// <summary>POST _aliases, DELETE index.</summary>
    public const string Acknowledged = """{"acknowledged":true}""";

    public static string IndexAlreadyExists(string index = "products-v1") => $$"""
        {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [{{index}}/QjMxXbY5Q2-8zq2pT6R0nA] already exists","index":"{{index}}"}],
         "type":"resource_already_exists_exception","reason":"index [{{index}}/QjMxXbY5Q2-8zq2pT6R0nA] already exists","index":"{{index}}"},"status":400}
        """;

    public static string IndexNotFound(string index = "products") => $$"""
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [{{index}}]","index":"{{index}}","resource.id":"{{index}}","resource.type":"index_or_alias","index_uuid":"_na_"}],
         "type":"index_not_found_exception","reason":"no such index [{{index}}]","index":"{{index}}","resource.id":"{{index}}","resource.type":"index_or_alias","index_uuid":"_na_"},"status":404}
        """;

    /// <summary>GET _alias/{name} of an alias that exists: the indexes behind it, each with the alias.</summary>
    public static string AliasOn(string index, string alias = "products") =>
        new JsonObject { [index] = new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } } }.ToJsonString();

    /// <summary>GET _alias/{name} of a missing alias: a plain-string error, not the usual error object.</summary>
    public static string AliasMissing(string alias = "products") => $$"""{"error":"alias [{{alias}}] missing","status":404}""";

    public const string Rejected = """
        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [shard_detail=[products][0][P], coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=108, max_coordinating_and_primary_bytes=107374182]"}],
         "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}
        """;

    /// <summary>A bulk answer: errors is true when any item carries an error.</summary>
    public static string Bulk(params string[] items) =>
        $$"""{"took":11,"errors":{{(items.Any(i => i.Contains("\"error\"")) ? "true" : "false")}},"items":[{{string.Join(",", items)}}]}""";

    public static string Done(string result, string id = "p1", string index = "products-v1", string verb = "update") =>
        new JsonObject
        {
            [verb] = new JsonObject
            {
                ["_index"] = index, ["_id"] = id, ["_version"] = 2, ["result"] = result,
                ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 }, ["_seq_no"] = 1, ["_primary_term"] = 1,
                ["status"] = result == "created" ? 201 : result == "not_found" ? 404 : 200,
            },
        }.ToJsonString();

    static string FailedItem(string verb, string index, string id, int status, JsonObject error) =>
        new JsonObject { [verb] = new JsonObject { ["_index"] = index, ["_id"] = id, ["status"] = status, ["error"] = error } }.ToJsonString();

    /// <summary>The item of an action whose target is not an alias, with require_alias=true.</summary>
    public static string NotAnAlias(string alias = "products-building", string id = "p1", string verb = "update") =>
        FailedItem(verb, alias, id, 404, new JsonObject
        {
            ["type"] = "index_not_found_exception",
            ["reason"] = $"no such index [{alias}] and [require_alias] request flag is [true] and [{alias}] is not an alias",
            ["index"] = alias,
        });

    public static string MissingDocument(string id = "p1", string index = "products-v1") =>
        FailedItem("update", index, id, 404, new JsonObject
        {
            ["type"] = "document_missing_exception", ["reason"] = $"[{id}]: document missing", ["index"] = index, ["shard"] = "0",
            ["index_uuid"] = "QjMxXbY5Q2-8zq2pT6R0nA",
        });

    public const string RejectedItem = """
        {"update":{"_index":"products-v1","_id":"p1","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation"}}}
        """;

    /// <summary>GET {index}/_doc/{id}: the document found, with the concrete index it is in.</summary>
    public static string Document(string index, string id, string sourceJson) =>
        $$"""{"_index":"{{index}}","_id":"{{id}}","_version":1,"_seq_no":0,"_primary_term":1,"found":true,"_source":{{sourceJson}}}""";

    public static string DocumentNotFound(string index, string id) => $$"""{"_index":"{{index}}","_id":"{{id}}","found":false}""";

    public static string DocumentIndexed(string index, string id) =>
        $$"""{"_index":"{{index}}","_id":"{{id}}","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}""";

    public static string DocumentDeleted(string index, string id) =>
        $$"""{"_index":"{{index}}","_id":"{{id}}","_version":2,"result":"deleted","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1}""";

    // A composite aggregation's page: its buckets and the key to continue after.
    public static string Sources(IReadOnlyList<string> sources, string afterKey) =>
        """{"took":2,"timed_out":false,"hits":{"total":{"value":3,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"sources":{"after_key":{"source":""" +
        $"\"{afterKey}\"" + """},"buckets":[""" +
        string.Join(",", sources.Select(s => $$"""{"key":{"source":"{{s}}"},"doc_count":1}""")) + "]}}}";

    public static string Hits(string hitsJson) => """{"took":5,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[""" +
        hitsJson + "]}}";
}
