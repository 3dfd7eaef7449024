using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class QueueAndTopicTests(SynthesizedStack synthesized)
{
    [Fact]
    public void Every_queue_is_encrypted_with_the_stacks_kms_key()
    {
        var key = synthesized.LogicalId(synthesized.Stack.Storage.Key);
        var queues = synthesized.Resources("AWS::SQS::Queue").ToList();
        Assert.NotEmpty(queues);
        foreach (var (id, properties) in queues)
            Assert.True(Same(properties["KmsMasterKeyId"], GetAtt(key, "Arn")), $"{id} is not encrypted with the stack's key");
    }

    [Fact]
    public void Every_queue_has_a_dead_letter_queue_and_the_dead_letter_queues_are_exactly_those_referenced()
    {
        var queues = synthesized.Resources("AWS::SQS::Queue").ToDictionary(q => q.LogicalId, q => q.Properties);
        var referenced = queues.Values
            .Select(properties => properties["RedrivePolicy"]?["deadLetterTargetArn"]?["Fn::GetAtt"]?[0])
            .Where(target => target is not null).Select(target => (string)target!).ToHashSet();

        foreach (var (id, properties) in queues.Where(q => !referenced.Contains(q.Key)))
        {
            var redrive = properties["RedrivePolicy"];
            Assert.True(redrive is not null, $"{id} is neither a dead-letter queue nor has one");
            Assert.InRange(int.Parse(redrive!["maxReceiveCount"]!.ToString()), 1, 10);
        }

        // A dead-letter queue chained to another would hide messages one level deeper; none is.
        Assert.All(referenced, dlq => Assert.Null(queues[dlq]["RedrivePolicy"]));
        Assert.Equal(
            new[] { synthesized.Stack.Storage.IntakeDeadLetters, synthesized.Stack.Messaging.MirrorDeadLetters }
                .Select(synthesized.LogicalId).Order(),
            referenced.Order());
    }

    [Fact]
    public void Every_queue_refuses_requests_without_tls()
    {
        var policies = synthesized.Resources("AWS::SQS::QueuePolicy").ToList();
        foreach (var (id, _) in synthesized.Resources("AWS::SQS::Queue"))
        {
            Assert.True(policies.Any(policy => Many(policy.Properties["Queues"]).Any(q => Same(q, Ref(id)))
                && Statements(policy.Properties["PolicyDocument"]).Any(DeniesWithoutTls)), $"{id} accepts plain HTTP");
        }
    }

    [Fact]
    public void Every_topic_is_encrypted_with_the_stacks_kms_key()
    {
        var key = synthesized.LogicalId(synthesized.Stack.Storage.Key);
        var topics = synthesized.Resources("AWS::SNS::Topic").ToList();
        Assert.Equal(2, topics.Count);
        foreach (var (id, properties) in topics)
            Assert.True(Same(properties["KmsMasterKeyId"], GetAtt(key, "Arn")), $"{id} is not encrypted with the stack's key");
    }

    [Fact]
    public void Every_topic_refuses_publishing_without_tls()
    {
        var policies = synthesized.Resources("AWS::SNS::TopicPolicy").ToList();
        foreach (var (id, _) in synthesized.Resources("AWS::SNS::Topic"))
        {
            Assert.True(policies.Any(policy => Many(policy.Properties["Topics"]).Any(t => Same(t, Ref(id)))
                && Statements(policy.Properties["PolicyDocument"]).Any(DeniesWithoutTls)), $"{id} accepts plain HTTP");
        }
    }

    static bool DeniesWithoutTls(System.Text.Json.Nodes.JsonObject statement) =>
        (string?)statement["Effect"] == "Deny" && (string?)statement["Condition"]?["Bool"]?["aws:SecureTransport"] == "false";
}
