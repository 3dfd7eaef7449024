using System.Net;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Aws.Tests.Replay.OpenSearch;

/// <summary>What a re-index sends OpenSearch: the next version created under the building alias with its pending
/// batches, each finished batch crossed off, and the swap, pinned against the documented answers.</summary>
public class OpenSearchRebuildTests
{
    static readonly AwsService Service = new("es", "eu-west-1", new Uri("https://search-shop-abc123.eu-west-1.es.amazonaws.com/"));
    static readonly Guid First = Guid.Parse("0a6e2b8c-1111-4c1a-9d55-6f0b8c4f0001");
    static readonly Guid Last = Guid.Parse("0a6e2b8c-2222-4c1a-9d55-6f0b8c4f0002");

    readonly ReplayHandler _handler = new();

    OpenSearchProductIndex Index() => new(new ReplayAwsHttpClient(_handler), Service, new OpenSearchIndexOptions(), new MatchingOptions());

    IEnumerable<string> Sent => _handler.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}");

    static string Rebuild(string pendingJson) =>
        OpenSearchAnswers.Document("products-v4", "..rebuild", $$"""{"pendingBatches":{{pendingJson}},"replaces":"products-v3"}""");

    [Fact]
    public async Task A_reindex_creates_the_next_version_under_the_building_alias_and_records_its_batches_in_it()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v3"))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing("products-building"))
            .Answer(OpenSearchAnswers.IndexCreated("products-v4"))
            .Answer(HttpStatusCode.Created, OpenSearchAnswers.DocumentIndexed("products-v4", "..rebuild"));

        await Index().BeginRebuildAsync([First, Last], default);

        Assert.Equal(["GET /_alias/products", "GET /_alias/products-building", "PUT /products-v4", "PUT /products-v4/_doc/..rebuild?refresh=wait_for"], Sent);
        var create = JsonNode.Parse(_handler.Requests[2].Body!)!;
        JsonAssert.Equal("""{ "products-building": {} }""", create["aliases"]!.ToJsonString());
        Assert.Equal(512, create["mappings"]!["properties"]!["views"]!["properties"]!["appearance"]!["dimension"]!.GetValue<int>());
        JsonAssert.Equal($$"""{ "pendingBatches": ["{{First:N}}", "{{Last:N}}"], "replaces": "products-v3" }""", _handler.Requests[3].Body);
    }

    [Fact]
    public async Task An_unfinished_rebuild_is_dropped_and_the_next_number_is_never_one_used_before()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v3"))
            .Answer(OpenSearchAnswers.AliasOn("products-v4", "products-building"))
            .Answer(OpenSearchAnswers.Acknowledged)
            .Answer(OpenSearchAnswers.IndexCreated("products-v5"))
            .Answer(HttpStatusCode.Created, OpenSearchAnswers.DocumentIndexed("products-v5", "..rebuild"));

        await Index().BeginRebuildAsync([First], default);

        Assert.Equal(["GET /_alias/products", "GET /_alias/products-building", "DELETE /products-v4", "PUT /products-v5",
            "PUT /products-v5/_doc/..rebuild?refresh=wait_for"], Sent);
    }

    [Fact]
    public async Task Two_reindexes_beginning_at_once_cannot_both_build_the_same_version()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v3"))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing("products-building"))
            .Answer(HttpStatusCode.BadRequest, OpenSearchAnswers.IndexAlreadyExists("products-v4"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Index().BeginRebuildAsync([First], default));

        Assert.Contains("products-v4", error.Message);
        Assert.Equal(0, _handler.Unanswered);
    }

    [Fact]
    public async Task The_last_batch_to_finish_swaps_the_alias_and_deletes_the_old_version_in_one_atomic_request()
    {
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("updated", "..rebuild", "products-v4")))
            .Answer(Rebuild("[]"))
            .Answer(OpenSearchAnswers.Acknowledged)
            .Answer(OpenSearchAnswers.DocumentDeleted("products-v4", "..rebuild"));

        await Index().BatchFinishedAsync(Last, completed: true, default);

        Assert.Equal(["POST /_bulk?refresh=wait_for&require_alias=true", "GET /products-building/_doc/..rebuild", "POST /_aliases",
            "DELETE /products-v4/_doc/..rebuild?refresh=wait_for"], Sent);
        var lines = _handler.Requests[0].Body!.Split('\n');
        JsonAssert.Equal("""{ "update": { "_index": "products-building", "_id": "..rebuild" } }""", lines[0]);
        var script = JsonNode.Parse(lines[1])!["script"]!;
        JsonAssert.Equal($$"""{ "batch": "{{Last:N}}" }""", script["params"]!.ToJsonString());
        Assert.Contains("pendingBatches.removeIf", script["source"]!.GetValue<string>());
        JsonAssert.Equal("""
            { "actions": [
                { "add": { "index": "products-v4", "alias": "products" } },
                { "remove": { "index": "products-v4", "alias": "products-building" } },
                { "remove_index": { "index": "products-v3" } } ] }
            """, _handler.Requests[2].Body);
    }

    [Fact]
    public async Task A_batch_that_is_not_the_last_swaps_nothing()
    {
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("updated", "..rebuild", "products-v4")))
            .Answer(Rebuild($"""["{Last:N}"]"""));

        await Index().BatchFinishedAsync(First, completed: true, default);

        Assert.Equal(["POST /_bulk?refresh=wait_for&require_alias=true", "GET /products-building/_doc/..rebuild"], Sent);
    }

    [Fact]
    public async Task With_no_rebuild_a_finished_batch_costs_one_request_that_creates_nothing()
    {
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.NotAnAlias(id: "..rebuild")));

        await Index().BatchFinishedAsync(First, completed: true, default);

        Assert.Equal(["POST /_bulk?refresh=wait_for&require_alias=true"], Sent);
    }

    [Fact]
    public async Task A_swap_another_process_made_first_is_taken_as_done()
    {
        // Heard twice: nothing left to remove, the list is empty, and the old version is already gone.
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("noop", "..rebuild", "products-v4")))
            .Answer(Rebuild("[]"))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.IndexNotFound("products-v3"))
            .Answer(OpenSearchAnswers.AliasOn("products-v4"))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.DocumentNotFound("products-v4", "..rebuild"));

        await Index().BatchFinishedAsync(Last, completed: true, default);

        Assert.Equal(["POST /_bulk?refresh=wait_for&require_alias=true", "GET /products-building/_doc/..rebuild", "POST /_aliases",
            "GET /_alias/products", "DELETE /products-v4/_doc/..rebuild?refresh=wait_for"], Sent);
    }

    [Fact]
    public async Task A_failed_batch_of_the_rebuild_deletes_the_version_being_built_and_leaves_the_serving_one()
    {
        _handler.Answer(Rebuild($"""["{First:N}", "{Last:N}"]""")).Answer(OpenSearchAnswers.Acknowledged);

        await Index().BatchFinishedAsync(First, completed: false, default);

        Assert.Equal(["GET /products-building/_doc/..rebuild", "DELETE /products-v4"], Sent);
    }

    [Fact]
    public async Task A_failed_batch_of_no_rebuild_deletes_nothing()
    {
        _handler.Answer(Rebuild($"""["{Last:N}"]"""))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.IndexNotFound("products-building"));

        await Index().BatchFinishedAsync(First, completed: false, default);
        await Index().BatchFinishedAsync(First, completed: false, default);

        Assert.Equal(["GET /products-building/_doc/..rebuild", "GET /products-building/_doc/..rebuild"], Sent);
    }

    [Fact]
    public async Task An_index_made_before_versions_under_the_alias_name_stops_the_first_write_with_what_to_do()
    {
        _handler.Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing())
            .Answer(HttpStatusCode.BadRequest, """
                {"error":{"root_cause":[{"type":"invalid_alias_name_exception","reason":"Invalid alias name [products]: an index or data stream exists with the same name as the alias","index":"products"}],
                 "type":"invalid_alias_name_exception","reason":"Invalid alias name [products]: an index or data stream exists with the same name as the alias","index":"products"},"status":400}
                """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Index().UpsertAsync(new IndexedProductImage("p1", "a.csv", "h", ItemKind.Upper,
                new ItemDescriptor(new float[OpenSearchProductIndex.AppearanceDimensions], new float[ColourDescriptor.Bins])), default));

        Assert.Contains("DELETE /products", error.Message);
        Assert.Equal(["GET /_alias/products", "PUT /products-v1"], Sent);
    }
}
