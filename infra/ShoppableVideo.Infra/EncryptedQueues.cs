using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>The one way this stack makes a dead-letter queue, so every one is encrypted, TLS-only and keeps
/// its messages for the longest SQS allows: they wait there for a person.</summary>
public static class EncryptedQueues
{
    public static Queue DeadLetters(Construct scope, string id, IKey key) => new(scope, id, new QueueProps
    {
        Encryption = QueueEncryption.KMS,
        EncryptionMasterKey = key,
        EnforceSSL = true,
        RetentionPeriod = Duration.Days(14),
    });
}
