using System.Net;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Aws.Tests.Replay.OpenSearch;

public class OpenSearchProductIndexTests
{
    static readonly AwsService Service = new("es", "eu-west-1", new Uri("https://search-shop-abc123.eu-west-1.es.amazonaws.com/"));

    readonly ReplayHandler _handler = new();

    OpenSearchProductIndex Index(int pageSize = 1000) =>
        new(new ReplayAwsHttpClient(_handler), Service, new OpenSearchIndexOptions { PageSize = pageSize }, new MatchingOptions());

    static float[] Basis(int dimensions, int axis, double weight = 1, int otherAxis = -1, double otherWeight = 0)
    {
        var vector = new float[dimensions];
        vector[axis] = (float)weight;
        if (otherAxis >= 0)
            vector[otherAxis] = (float)otherWeight;
        return vector;
    }

    // cos theta on axis 0, the rest on axis 1: the cosine with Basis(.., 0) is exactly cosine.
    static float[] AppearanceAt(double cosine) => Basis(Dimensions, 0, cosine, 1, Math.Sqrt(1 - cosine * cosine));

    const int Dimensions = OpenSearchProductIndex.AppearanceDimensions;
    const int Bins = ColourDescriptor.Bins;

    // Two views: the jacket's region and the whole photo.
    static readonly IndexedProductImage Jacket = new("p1", "catalog/manifest.csv", "sha256-abc", ItemKind.Upper,
        new ItemDescriptor([new ItemView(AppearanceAt(1), Basis(Bins, 3)), new ItemView(AppearanceAt(0.5), Basis(Bins, 4))]));

    // Where no re-index is building a version, the second item of every write fails for want of the alias.
    static string Written(string result = "updated", string verb = "update") =>
        OpenSearchAnswers.Bulk(OpenSearchAnswers.Done(result, verb: verb), OpenSearchAnswers.NotAnAlias(verb: verb));

    [Fact]
    public async Task The_first_upsert_creates_the_first_version_with_its_alias_and_knn_mapping_then_bulk_upserts_through_both_aliases()
    {
        _handler.Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing())
            .Answer(OpenSearchAnswers.IndexCreated()).Answer(Written("created")).Answer(Written());
        var index = Index();

        await index.UpsertAsync(Jacket, default);
        await index.UpsertAsync(Jacket, default);

        Assert.Equal(("GET", "/_alias/products"), (_handler.Requests[0].Method, _handler.Requests[0].Path));
        var create = _handler.Requests[1];
        Assert.Equal(("PUT", "/products-v1"), (create.Method, create.Path));
        JsonAssert.Equal("""
            {
              "aliases": { "products": {} },
              "settings": { "index.knn": true },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "productId": { "type": "keyword" },
                  "sources": { "type": "keyword" },
                  "imageContentHash": { "type": "keyword" },
                  "kind": { "type": "keyword" },
                  "pendingBatches": { "type": "keyword" },
                  "replaces": { "type": "keyword" },
                  "views": {
                    "type": "nested",
                    "properties": {
                      "appearance": {
                        "type": "knn_vector",
                        "dimension": 512,
                        "method": { "name": "hnsw", "space_type": "cosinesimil", "engine": "lucene",
                                    "parameters": { "m": 16, "ef_construction": 128 } }
                      },
                      "colour": { "type": "float", "index": false, "doc_values": false }
                    }
                  }
                }
              }
            }
            """, create.Body);

        // The alias is looked up and the index created once per process.
        Assert.Equal(["GET", "PUT", "POST", "POST"], _handler.Requests.Select(r => r.Method));
        var bulk = _handler.Requests[2];
        Assert.Equal(("/_bulk", "?refresh=wait_for&require_alias=true", "application/x-ndjson"), (bulk.Path, bulk.Query, bulk.Header("Content-Type")?.Split(';')[0]));
        var lines = bulk.Body!.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[4]);
        JsonAssert.Equal("""{ "update": { "_index": "products", "_id": "p1" } }""", lines[0]);
        JsonAssert.Equal("""{ "update": { "_index": "products-building", "_id": "p1" } }""", lines[2]);
        Assert.Equal(lines[1], lines[3]);
        var update = JsonNode.Parse(lines[1])!.AsObject();
        Assert.True(update["scripted_upsert"]!.GetValue<bool>());
        JsonAssert.Equal("{}", update["upsert"]!.ToJsonString());
        var script = update["script"]!;
        Assert.Equal("painless", script["lang"]!.GetValue<string>());
        // The script adds the source to the ones the document has; it never replaces them.
        Assert.Contains("ctx._source.sources.add(params.source)", script["source"]!.GetValue<string>());
        Assert.DoesNotContain("ctx._source.sources = params", script["source"]!.GetValue<string>());
        JsonAssert.Equal(new JsonObject
        {
            ["productId"] = "p1",
            ["source"] = "catalog/manifest.csv",
            ["imageContentHash"] = "sha256-abc",
            ["kind"] = "upper",
            ["views"] = new JsonArray(Jacket.Descriptor.Views
                .Select(v => (JsonNode)new JsonObject { ["appearance"] = Floats(v.Appearance), ["colour"] = Floats(v.Colour) }).ToArray()),
        }, script["params"]!.ToJsonString());
    }

    [Fact]
    public async Task A_first_version_another_process_created_first_is_used_as_it_is()
    {
        _handler.Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing())
            .Answer(HttpStatusCode.BadRequest, OpenSearchAnswers.IndexAlreadyExists()).Answer(Written("created"));

        await Index().UpsertAsync(Jacket, default);

        Assert.Equal(["GET /_alias/products", "PUT /products-v1", "POST /_bulk"], _handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task An_alias_that_exists_is_written_through_without_creating_anything()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v7")).Answer(Written());

        await Index().UpsertAsync(Jacket, default);

        Assert.Equal(["GET /_alias/products", "POST /_bulk"], _handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task An_upsert_while_a_rebuild_builds_reaches_both_versions_and_a_failure_in_either_surfaces()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v1"))
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("updated"), OpenSearchAnswers.Done("created", index: "products-v2")))
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("updated"), OpenSearchAnswers.RejectedItem.Replace("products-v1", "products-v2")));
        var index = Index();

        await index.UpsertAsync(Jacket, default);
        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => index.UpsertAsync(Jacket, default));

        Assert.Equal("es_rejected_execution_exception", error.ErrorCode);
    }

    [Fact]
    public async Task A_rejected_bulk_item_surfaces_as_throttling_although_the_bulk_answer_is_200()
    {
        _handler.Answer(OpenSearchAnswers.AliasOn("products-v1"))
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.RejectedItem, OpenSearchAnswers.NotAnAlias()));

        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => Index().UpsertAsync(Jacket, default));

        Assert.Equal("es_rejected_execution_exception", error.ErrorCode);
    }

    [Fact]
    public async Task Search_is_a_kind_filtered_nested_knn_query_reranked_exactly_over_every_view_as_the_sqlite_index_reranks()
    {
        var query = new ItemDescriptor(Basis(Dimensions, 0), Basis(Bins, 0));
        var mixed = (float)Math.Sqrt(0.5);
        // Appearance alone ranks A > B > C > D; colour moves B and C above A. D's second view is its best.
        var stored = new ProductViews[]
        {
            new("pA", ItemKind.Upper, [new(AppearanceAt(0.95), Basis(Bins, 1))]),
            new("pB", ItemKind.Upper, [new(AppearanceAt(0.90), Basis(Bins, 0))]),
            new("pC", ItemKind.Upper, [new(AppearanceAt(0.80), Basis(Bins, 0))]),
            new("pD", ItemKind.Upper, [new(AppearanceAt(0.20), Basis(Bins, 0)), new(AppearanceAt(0.60), Basis(Bins, 0, mixed, 1, mixed))]),
        };
        // The nested k-NN answer: parent documents best first, each with all its views in _source.
        var hits = string.Join(",", stored.Select(p =>
            new JsonObject
            {
                ["_index"] = "products", ["_id"] = p.ProductId, ["_score"] = 0.9,
                ["_source"] = new JsonObject
                {
                    ["kind"] = "upper",
                    ["views"] = new JsonArray(p.Views
                        .Select(v => (JsonNode)new JsonObject { ["appearance"] = Floats(v.Appearance), ["colour"] = Floats(v.Colour) }).ToArray()),
                },
            }.ToJsonString()));
        _handler.Answer(OpenSearchAnswers.Hits(hits));

        var found = await Index().SearchAsync(ItemKind.Upper, query, 3, default);

        var expected = ProductReranker.Rank(query, stored, new MatchingOptions().AppearanceWeight, 3);
        Assert.Equal(["pB", "pC", "pA"], expected.Select(h => h.ProductId));
        Assert.Equal(expected.Select(h => h.ProductId), found.Select(h => h.ProductId));
        Assert.All(found.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 6));
        Assert.All(found, h => Assert.Equal(ItemKind.Upper, h.Kind));

        var search = Assert.Single(_handler.Requests);
        Assert.Equal(("POST", "/products/_search"), (search.Method, search.Path));
        // k widened to MatchingOptions.CandidateViews, as the SQLite index widens it.
        JsonAssert.Equal(new JsonObject
        {
            ["size"] = 256,
            ["_source"] = new JsonArray("kind", "views"),
            ["query"] = new JsonObject
            {
                ["nested"] = new JsonObject
                {
                    ["path"] = "views",
                    ["query"] = new JsonObject
                    {
                        ["knn"] = new JsonObject
                        {
                            ["views.appearance"] = new JsonObject
                            {
                                ["vector"] = Floats(query.Views[0].Appearance),
                                ["k"] = 256,
                                ["filter"] = new JsonObject { ["term"] = new JsonObject { ["kind"] = "upper" } },
                            },
                        },
                    },
                },
            },
        }, search.Body);
    }

    [Fact]
    public async Task A_search_of_any_kind_has_no_kind_filter_and_one_query_per_view()
    {
        _handler.Answer(OpenSearchAnswers.Hits("")).Answer(OpenSearchAnswers.Hits(""));
        var query = new ItemDescriptor([new ItemView(Basis(Dimensions, 0), Basis(Bins, 0)), new ItemView(Basis(Dimensions, 1), Basis(Bins, 1))]);

        Assert.Empty(await Index().SearchAsync(ItemKind.Any, query, 3, default));

        Assert.Equal(2, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.DoesNotContain("\"filter\"", r.Body));
    }

    [Fact]
    public async Task Searching_before_the_index_exists_creates_the_first_version_and_finds_nothing()
    {
        _handler.Answer(HttpStatusCode.NotFound, OpenSearchAnswers.IndexNotFound())
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing()).Answer(OpenSearchAnswers.IndexCreated());

        var found = await Index().SearchAsync(ItemKind.Lower, new ItemDescriptor(Basis(Dimensions, 0), Basis(Bins, 0)), 5, default);

        Assert.Empty(found);
        Assert.Equal(["POST /products/_search", "GET /_alias/products", "PUT /products-v1"], _handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Search_throttling_that_outlasts_the_clients_retries_surfaces_as_throttling()
    {
        for (var i = 0; i < 3; i++)
            _handler.Answer(HttpStatusCode.TooManyRequests, OpenSearchAnswers.Rejected);

        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() =>
            Index().SearchAsync(ItemKind.Upper, new ItemDescriptor(Basis(Dimensions, 0), Basis(Bins, 0)), 5, default));

        Assert.Equal("es_rejected_execution_exception", error.ErrorCode);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Claim_adds_the_source_by_script_and_says_false_for_a_product_not_indexed()
    {
        _handler.Answer(Written())
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.MissingDocument("p9"), OpenSearchAnswers.NotAnAlias(id: "p9")));
        var index = Index();

        Assert.True(await index.ClaimAsync("p1", "catalog/manifest-v2.csv", default));
        Assert.False(await index.ClaimAsync("p9", "catalog/manifest-v2.csv", default));

        Assert.Equal(["/_bulk", "/_bulk"], _handler.Requests.Select(r => r.Path));
        Assert.All(_handler.Requests, r => Assert.Equal("?refresh=wait_for&require_alias=true", r.Query));
        var lines = _handler.Requests[0].Body!.Split('\n');
        JsonAssert.Equal("""{ "update": { "_index": "products", "_id": "p1" } }""", lines[0]);
        JsonAssert.Equal("""{ "update": { "_index": "products-building", "_id": "p1" } }""", lines[2]);
        var script = JsonNode.Parse(lines[1])!["script"]!;
        JsonAssert.Equal("""{ "source": "catalog/manifest-v2.csv" }""", script["params"]!.ToJsonString());
        Assert.Contains("ctx._source.sources.add(params.source)", script["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("deleted", true)]
    [InlineData("updated", false)]
    [InlineData("noop", false)]
    public async Task Release_says_true_only_when_the_script_deleted_the_product_with_its_last_source(string result, bool removed)
    {
        _handler.Answer(Written(result));

        Assert.Equal(removed, await Index().ReleaseAsync("p1", "catalog/a.csv", default));

        var lines = _handler.Requests[0].Body!.Split('\n');
        var script = JsonNode.Parse(lines[1])!["script"]!;
        Assert.Equal("/_bulk", _handler.Requests[0].Path);
        JsonAssert.Equal("""{ "update": { "_index": "products", "_id": "p1" } }""", lines[0]);
        JsonAssert.Equal("""{ "source": "catalog/a.csv" }""", script["params"]!.ToJsonString());
        Assert.Contains("ctx.op = 'delete'", script["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Releasing_a_product_that_is_not_indexed_removes_nothing()
    {
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.MissingDocument("p9"), OpenSearchAnswers.NotAnAlias(id: "p9")));

        Assert.False(await Index().ReleaseAsync("p9", "catalog/a.csv", default));
    }

    [Fact]
    public async Task Listing_the_sources_pages_a_composite_terms_aggregation()
    {
        _handler.Answer(OpenSearchAnswers.Sources(["catalog/a.csv", "catalog/b.csv"], afterKey: "catalog/b.csv"))
            .Answer(OpenSearchAnswers.Sources(["catalog/c.csv"], afterKey: "catalog/c.csv"));

        var sources = await Index(pageSize: 2).ListSourcesAsync(default);

        Assert.Equal(["catalog/a.csv", "catalog/b.csv", "catalog/c.csv"], sources);
        const string aggregation = """
            "size": 0, "aggs": { "sources": { "composite": { "size": 2, "sources": [{ "source": { "terms": { "field": "sources" } } }]
            """;
        JsonAssert.Equal("{" + aggregation + "} } } }", _handler.Requests[0].Body);
        JsonAssert.Equal("{" + aggregation + """, "after": { "source": "catalog/b.csv" } } } } }""", _handler.Requests[1].Body);
    }

    [Fact]
    public async Task Delete_removes_the_document_from_both_versions_and_a_missing_one_is_already_deleted()
    {
        // A delete of a missing document is an item with status 404 and result not_found, and no error.
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("deleted", verb: "delete"),
                OpenSearchAnswers.Done("deleted", index: "products-v2", verb: "delete")))
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("not_found", "p9", verb: "delete"), OpenSearchAnswers.NotAnAlias(id: "p9", verb: "delete")));
        var index = Index();

        await index.DeleteAsync("p1", default);
        await index.DeleteAsync("p9", default);

        Assert.Equal(["POST /_bulk?refresh=wait_for&require_alias=true", "POST /_bulk?refresh=wait_for&require_alias=true"],
            _handler.Requests.Select(r => $"{r.Method} {r.Path}{r.Query}"));
        Assert.Equal("""
            {"delete":{"_index":"products","_id":"p1"}}
            {"delete":{"_index":"products-building","_id":"p1"}}

            """.ReplaceLineEndings("\n"), _handler.Requests[0].Body);
    }

    [Fact]
    public async Task A_claim_while_the_rebuild_lacks_the_product_copies_the_serving_document_into_it()
    {
        var stored = new JsonObject
        {
            ["productId"] = "p1", ["sources"] = new JsonArray("catalog/a.csv"), ["imageContentHash"] = "sha256-abc", ["kind"] = "upper",
            ["views"] = new JsonArray(new JsonObject { ["appearance"] = new JsonArray(1.0, 0.0), ["colour"] = new JsonArray(0.5) }),
        };
        _handler.Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("noop"), OpenSearchAnswers.MissingDocument(index: "products-v2")))
            .Answer(OpenSearchAnswers.Document("products-v1", "p1", stored.ToJsonString()))
            .Answer(OpenSearchAnswers.Bulk(OpenSearchAnswers.Done("created", index: "products-v2")));

        Assert.True(await Index().ClaimAsync("p1", "catalog/a.csv", default));

        Assert.Equal(["POST /_bulk", "GET /products/_doc/p1", "POST /_bulk"], _handler.Requests.Select(r => $"{r.Method} {r.Path}"));
        var lines = _handler.Requests[2].Body!.Split('\n');
        Assert.Equal(3, lines.Length);
        JsonAssert.Equal("""{ "update": { "_index": "products-building", "_id": "p1" } }""", lines[0]);
        var copy = JsonNode.Parse(lines[1])!;
        Assert.True(copy["scripted_upsert"]!.GetValue<bool>());
        // A document the rebuild has by now (its own batch described it) keeps its description.
        Assert.Contains("if (ctx.op == 'create')", copy["script"]!["source"]!.GetValue<string>());
        JsonAssert.Equal("""
            { "source": "catalog/a.csv", "productId": "p1", "imageContentHash": "sha256-abc", "kind": "upper",
              "views": [{ "appearance": [1.0, 0.0], "colour": [0.5] }] }
            """, copy["script"]!["params"]!.ToJsonString());
    }

    [Fact]
    public async Task Listing_a_manifests_products_pages_with_search_after()
    {
        _handler.Answer(OpenSearchAnswers.Hits("""{"_index":"products","_id":"p1","_score":null,"sort":["p1"]},{"_index":"products","_id":"p2","_score":null,"sort":["p2"]}"""))
            .Answer(OpenSearchAnswers.Hits("""{"_index":"products","_id":"p3","_score":null,"sort":["p3"]}"""));

        var ids = await Index(pageSize: 2).ListFromSourceAsync("catalog/manifest.csv", default);

        Assert.Equal(["p1", "p2", "p3"], ids);
        const string page = """
            "size": 2, "_source": false, "query": { "term": { "sources": "catalog/manifest.csv" } }, "sort": [{ "productId": "asc" }]
            """;
        JsonAssert.Equal("{" + page + "}", _handler.Requests[0].Body);
        JsonAssert.Equal("{" + page + """, "search_after": ["p2"] }""", _handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_photos_descriptor_is_found_by_its_content_hash_and_kind()
    {
        var views = new JsonArray(Jacket.Descriptor.Views
            .Select(v => (JsonNode)new JsonObject { ["appearance"] = Floats(v.Appearance), ["colour"] = Floats(v.Colour) }).ToArray());
        var hit = new JsonObject { ["_index"] = "products", ["_id"] = "p1", ["_score"] = 0.0, ["_source"] = new JsonObject { ["views"] = views } };
        _handler.Answer(OpenSearchAnswers.Hits(hit.ToJsonString()))
            .Answer(OpenSearchAnswers.Hits(""));
        var index = Index();

        var found = await index.FindDescriptorOfPhotoAsync("sha256-abc", ItemKind.Upper, default);
        var none = await index.FindDescriptorOfPhotoAsync("sha256-abc", ItemKind.Lower, default);

        Assert.Equal(Jacket.Descriptor.Views.Select(v => v.Appearance), found!.Views.Select(v => v.Appearance));
        Assert.Null(none);
        JsonAssert.Equal("""
            { "size": 1, "_source": ["views"],
              "query": { "bool": { "filter": [{ "term": { "imageContentHash": "sha256-abc" } }, { "term": { "kind": "upper" } }] } } }
            """, _handler.Requests[0].Body);
    }

    [Fact]
    public async Task The_content_hash_is_found_by_a_term_query_and_is_null_when_nothing_is_indexed()
    {
        _handler.Answer(OpenSearchAnswers.Hits("""{"_index":"products","_id":"p1","_score":0.2876821,"_source":{"imageContentHash":"sha256-abc"}}"""))
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.IndexNotFound())
            .Answer(HttpStatusCode.NotFound, OpenSearchAnswers.AliasMissing()).Answer(OpenSearchAnswers.IndexCreated());
        var index = Index();

        Assert.Equal("sha256-abc", await index.FindContentHashAsync("p1", default));
        Assert.Null(await index.FindContentHashAsync("p1", default));

        JsonAssert.Equal("""{ "size": 1, "_source": ["imageContentHash"], "query": { "term": { "productId": "p1" } } }""", _handler.Requests[0].Body);
    }

    static JsonArray Floats(float[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
