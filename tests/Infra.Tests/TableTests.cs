using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class TableTests(SynthesizedStack synthesized)
{
    IEnumerable<(string LogicalId, System.Text.Json.Nodes.JsonObject Properties)> Tables() =>
        synthesized.Resources("AWS::DynamoDB::Table").Concat(synthesized.Resources("AWS::DynamoDB::GlobalTable"));

    [Fact]
    public void There_are_the_saga_artifact_review_webhook_mirror_task_and_event_tables()
    {
        Assert.Equal(6, Tables().Count());
    }

    [Fact]
    public void The_webhook_table_has_the_due_index_the_dispatchers_query()
    {
        var webhooks = synthesized.Resources("AWS::DynamoDB::Table")
            .Single(t => t.LogicalId == synthesized.LogicalId(synthesized.Stack.Tables.Webhooks)).Properties;
        var index = Assert.Single(Many(webhooks["GlobalSecondaryIndexes"]))!;
        Assert.Equal(Sagas.Persistence.DynamoDbDueIndex.Name, (string?)index["IndexName"]);
        Assert.Equal(["Due:HASH", "NextAttemptAt:RANGE"],
            Many(index["KeySchema"]).Select(k => $"{(string?)k!["AttributeName"]}:{(string?)k["KeyType"]}"));
        Assert.Equal("KEYS_ONLY", (string?)index["Projection"]?["ProjectionType"]);
    }

    [Fact]
    public void Every_table_has_point_in_time_recovery()
    {
        foreach (var (id, properties) in Tables())
        {
            var recovery = properties["PointInTimeRecoverySpecification"]
                ?? properties["Replicas"]?[0]?["PointInTimeRecoverySpecification"];
            Assert.True((bool?)recovery?["PointInTimeRecoveryEnabled"] == true, $"{id} has no point-in-time recovery");
        }
    }

    [Fact]
    public void Every_table_is_encrypted_with_the_stacks_kms_key()
    {
        var key = synthesized.LogicalId(synthesized.Stack.Storage.Key);
        foreach (var (id, properties) in Tables())
        {
            var sse = properties["SSESpecification"];
            Assert.True((bool?)sse?["SSEEnabled"] == true && (string?)sse?["SSEType"] == "KMS", $"{id} is not SSE-KMS");
            Assert.True(Same(sse?["KMSMasterKeyId"], GetAtt(key, "Arn")), $"{id} is not encrypted with the stack's key");
        }
    }

    [Fact]
    public void Every_table_expires_items_on_the_attribute_the_saga_repository_writes()
    {
        foreach (var (id, properties) in Tables())
        {
            var ttl = properties["TimeToLiveSpecification"];
            Assert.True((bool?)ttl?["Enabled"] == true, $"{id} has no TTL");
            Assert.Equal(Sagas.Persistence.DynamoDbSagaAttributes.ExpiresAt, (string?)ttl?["AttributeName"]);
        }
    }

    [Fact]
    public void Every_table_has_the_key_schema_the_application_creates_locally()
    {
        foreach (var (_, properties) in Tables())
        {
            Assert.Equal(["PK:HASH", "SK:RANGE"],
                Many(properties["KeySchema"]).Select(k => $"{(string?)k!["AttributeName"]}:{(string?)k["KeyType"]}"));
            Assert.All(Many(properties["AttributeDefinitions"]), definition => Assert.Equal("S", (string?)definition!["AttributeType"]));
        }
    }
}
