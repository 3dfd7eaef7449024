using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// What the application tells the outside: the completion topic users subscribe to (SnsCompletionPublisher
/// writes to it), and the mirror queue the Step Functions state machines drop task tokens on
/// (sqs:sendMessage.waitForTaskToken) so a reader can report saga progress back to the executions.
/// </summary>
public sealed class Messaging : Construct
{
    public Topic Completion { get; }

    public Queue Mirror { get; }

    public Queue MirrorDeadLetters { get; }

    public Messaging(Construct scope, string id, IKey key) : base(scope, id)
    {
        Completion = EncryptedTopics.Create(this, "Completion", key);

        MirrorDeadLetters = EncryptedQueues.DeadLetters(this, "MirrorDeadLetters", key);
        Mirror = new Queue(this, "Mirror", new QueueProps
        {
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = key,
            EnforceSSL = true,
            VisibilityTimeout = Duration.Minutes(1),
            DeadLetterQueue = new DeadLetterQueue { Queue = MirrorDeadLetters, MaxReceiveCount = 5 },
        });
    }
}
