namespace ShoppableVideo.Aws.Tests.Replay.OpenSearch;

/// <summary>Answers in the shapes OpenSearch documents them (docs.opensearch.org: "Create index", "Bulk",
/// "Update document", "Delete document", "Search", and the common error body
/// {"error": {"root_cause": [...], "type": ..., "reason": ...}, "status": ...}), trimmed to what matters.</summary>
static class OpenSearchAnswers
{
    public const string IndexCreated = """{"acknowledged":true,"shards_acknowledged":true,"index":"products"}""";

    public const string IndexAlreadyExists = """
        {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [products/QjMxXbY5Q2-8zq2pT6R0nA] already exists","index":"products"}],
         "type":"resource_already_exists_exception","reason":"index [products/QjMxXbY5Q2-8zq2pT6R0nA] already exists","index":"products"},"status":400}
        """;

    public const string IndexNotFound = """
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [products]","index":"products","resource.id":"products","resource.type":"index_or_alias","index_uuid":"_na_"}],
         "type":"index_not_found_exception","reason":"no such index [products]","index":"products","resource.id":"products","resource.type":"index_or_alias","index_uuid":"_na_"},"status":404}
        """;

    public const string Rejected = """
        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [shard_detail=[products][0][P], coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=108, max_coordinating_and_primary_bytes=107374182]"}],
         "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}
        """;

    public static string BulkCreated(string id) => """{"took":11,"errors":false,"items":[{"index":{"_index":"products","_id":""" +
        $"\"{id}\"" + ""","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1,"status":201}}]}""";

    public const string BulkItemRejected = """
        {"took":3,"errors":true,"items":[{"index":{"_index":"products","_id":"p1","status":429,
         "error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation"}}}]}
        """;

    public const string Updated = """{"_index":"products","_id":"p1","_version":2,"result":"updated","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1}""";

    public const string DocumentMissing = """
        {"error":{"root_cause":[{"type":"document_missing_exception","reason":"[p9]: document missing","index":"products","shard":"0","index_uuid":"QjMxXbY5Q2-8zq2pT6R0nA"}],
         "type":"document_missing_exception","reason":"[p9]: document missing","index":"products","shard":"0","index_uuid":"QjMxXbY5Q2-8zq2pT6R0nA"},"status":404}
        """;

    public const string Deleted = """{"_index":"products","_id":"p1","_version":3,"result":"deleted","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":2,"_primary_term":1}""";

    // A delete of a missing document answers 404 with result not_found, and no error object.
    public const string DeleteNotFound = """{"_index":"products","_id":"p9","_version":1,"result":"not_found","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":3,"_primary_term":1}""";

    // A composite aggregation's page: its buckets and the key to continue after.
    public static string Sources(IReadOnlyList<string> sources, string afterKey) =>
        """{"took":2,"timed_out":false,"hits":{"total":{"value":3,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"sources":{"after_key":{"source":""" +
        $"\"{afterKey}\"" + """},"buckets":[""" +
        string.Join(",", sources.Select(s => $$"""{"key":{"source":"{{s}}"},"doc_count":1}""")) + "]}}}";

    public static string Hits(string hitsJson) => """{"took":5,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[""" +
        hitsJson + "]}}";
}
