using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class BucketTests(SynthesizedStack synthesized)
{
    [Fact]
    public void There_is_a_bucket_for_each_logical_bucket_of_the_application()
    {
        synthesized.Template.ResourceCountIs("AWS::S3::Bucket", 3);
        Assert.Equal(["catalog", "output", "videos"], synthesized.Stack.Storage.Buckets.Keys.Order());
    }

    [Fact]
    public void Every_bucket_is_encrypted_with_the_stacks_kms_key()
    {
        var key = synthesized.LogicalId(synthesized.Stack.Storage.Key);
        foreach (var (id, properties) in synthesized.Resources("AWS::S3::Bucket"))
        {
            var rule = properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?[0]?["ServerSideEncryptionByDefault"];
            Assert.True((string?)rule?["SSEAlgorithm"] == "aws:kms", $"{id} is not SSE-KMS");
            Assert.True(Same(rule?["KMSMasterKeyID"], GetAtt(key, "Arn")), $"{id} is not encrypted with the stack's key");
        }
    }

    [Fact]
    public void Every_bucket_blocks_all_public_access()
    {
        synthesized.Template.AllResourcesProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        });
    }

    [Fact]
    public void Every_bucket_policy_denies_requests_without_tls()
    {
        var policies = synthesized.Resources("AWS::S3::BucketPolicy").ToList();
        foreach (var (bucket, _) in synthesized.Resources("AWS::S3::Bucket"))
        {
            var policy = Assert.Single(policies, p => Same(p.Properties["Bucket"], Ref(bucket))).Properties;
            Assert.Contains(Statements(policy["PolicyDocument"]), statement =>
                (string?)statement["Effect"] == "Deny"
                && Strings(statement["Action"]).Contains("s3:*")
                && (string?)statement["Condition"]?["Bool"]?["aws:SecureTransport"] == "false");
        }
    }

    [Fact]
    public void Every_bucket_has_intelligent_tiering_and_moves_objects_into_it()
    {
        foreach (var (id, properties) in synthesized.Resources("AWS::S3::Bucket"))
        {
            var tiering = Assert.Single(Many(properties["IntelligentTieringConfigurations"]));
            Assert.Equal("Enabled", (string?)tiering!["Status"]);
            Assert.NotEmpty(Many(tiering["Tierings"]));
            // The configuration only applies to objects stored in that class, so the lifecycle must put them there.
            var rules = Many(properties["LifecycleConfiguration"]?["Rules"]);
            Assert.True(rules.Any(rule => Many(rule!["Transitions"]).Any(t => (string?)t!["StorageClass"] == "INTELLIGENT_TIERING")),
                $"{id} never transitions objects to INTELLIGENT_TIERING");
        }
    }

    [Fact]
    public void New_videos_and_catalog_objects_are_announced_on_the_object_events_topic()
    {
        var topic = synthesized.LogicalId(synthesized.Stack.Storage.ObjectEvents);
        var notifications = synthesized.Resources("Custom::S3BucketNotifications").ToList();
        foreach (var watched in new[] { "videos", "catalog" })
        {
            var bucket = synthesized.LogicalId(synthesized.Stack.Storage.Buckets[watched]);
            var notification = Assert.Single(notifications, n => Same(n.Properties["BucketName"], Ref(bucket))).Properties;
            var configuration = Assert.Single(Many(notification["NotificationConfiguration"]?["TopicConfigurations"]));
            Assert.True(Same(configuration!["TopicArn"], Ref(topic)));
            Assert.Equal(["s3:ObjectCreated:*"], Strings(configuration["Events"]));
        }

        var output = synthesized.LogicalId(synthesized.Stack.Storage.Buckets["output"]);
        Assert.DoesNotContain(notifications, n => Same(n.Properties["BucketName"], Ref(output)));
    }

    [Fact]
    public void The_object_events_topic_feeds_the_intake_queue()
    {
        synthesized.Template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "sqs",
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = synthesized.LogicalId(synthesized.Stack.Storage.ObjectEvents) },
            ["Endpoint"] = new Dictionary<string, object>
            {
                ["Fn::GetAtt"] = new[] { synthesized.LogicalId(synthesized.Stack.Storage.Intake), "Arn" },
            },
            ["RawMessageDelivery"] = Match.Absent(),
        });
    }
}
