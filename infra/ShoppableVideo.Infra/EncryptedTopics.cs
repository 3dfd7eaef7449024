using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>The one way this stack makes an SNS topic: encrypted with the stack's key and TLS-only.</summary>
public static class EncryptedTopics
{
    public static Topic Create(Construct scope, string id, IKey key)
    {
        var topic = new Topic(scope, id, new TopicProps { MasterKey = key });
        // Written out rather than TopicProps.EnforceSSL: in this CDK version that statement only reaches the
        // template when something else adds to the topic's policy, so a topic nobody subscribes to yet
        // (the completion topic) would silently accept plain HTTP.
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyPublishWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));
        return topic;
    }
}
