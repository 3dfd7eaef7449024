using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SQS;
using Constructs;
using LogicalBuckets = ShoppableVideo.Consumers.Storage.Buckets;

namespace ShoppableVideo.Infra;

/// <summary>
/// The three buckets and the path their object events take to the application: S3 → SNS (object events
/// topic) → SQS (intake queue, read by SqsIntakeReader) with a dead-letter queue. SNS sits in between so
/// other subscribers (analytics, a second region) can listen without touching the buckets. Everything is
/// encrypted with one customer-managed key, which the other constructs share.
/// </summary>
public sealed class Storage : Construct
{
    /// <summary>How often the intake reader may fail a message (unreadable, or the bus refused its
    /// events) before it is parked on the dead-letter queue for a person to look at.</summary>
    public const int IntakeMaxReceiveCount = 5;

    public Key Key { get; }

    /// <summary>Logical bucket ("catalog", "videos", "output") to its bucket.</summary>
    public IReadOnlyDictionary<string, Bucket> Buckets { get; }

    public Topic ObjectEvents { get; }

    public Queue Intake { get; }

    public Queue IntakeDeadLetters { get; }

    public Storage(Construct scope, string id) : base(scope, id)
    {
        Key = new Key(this, "DataKey", new KeyProps
        {
            Description = "ShoppableVideo: buckets, tables, queues, topics, search domain and secrets",
            EnableKeyRotation = true,
            // Losing the key loses every object and item encrypted with it.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Buckets = LogicalBuckets.All.ToDictionary(name => name, CreateBucket, StringComparer.Ordinal);

        ObjectEvents = EncryptedTopics.Create(this, "ObjectEvents", Key);
        // S3 publishes to the encrypted topic as itself, so it must be able to use the key, for this
        // account's buckets only.
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ServicePrincipal("s3.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        }));

        IntakeDeadLetters = EncryptedQueues.DeadLetters(this, "IntakeDeadLetters", Key);
        Intake = new Queue(this, "Intake", new QueueProps
        {
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = Key,
            EnforceSSL = true,
            // Longer than a publish to the bus takes; the reader's heartbeat extends it for slow ones.
            VisibilityTimeout = Duration.Minutes(2),
            ReceiveMessageWaitTime = Duration.Seconds(20),
            DeadLetterQueue = new DeadLetterQueue { Queue = IntakeDeadLetters, MaxReceiveCount = IntakeMaxReceiveCount },
        });
        // The SNS envelope is kept (no raw delivery): the reader accepts both, and the envelope says which
        // topic a record came through.
        ObjectEvents.AddSubscription(new SqsSubscription(Intake));

        // Only the buckets the application watches announce new objects; output is written, never watched.
        foreach (var watched in new[] { LogicalBuckets.Videos, LogicalBuckets.Catalog })
            Buckets[watched].AddEventNotification(EventType.OBJECT_CREATED, new SnsDestination(ObjectEvents));
    }

    Bucket CreateBucket(string logicalName) => new(this, BucketId(logicalName), new BucketProps
    {
        Encryption = BucketEncryption.KMS,
        EncryptionKey = Key,
        // One data key per bucket rather than a KMS call per object: cheaper, and fewer throttles.
        BucketKeyEnabled = true,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        Versioned = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        // Videos and frames are read hard for a day and then rarely: Intelligent-Tiering moves them down
        // without guessing a schedule; objects must be in that storage class for the configuration to apply.
        IntelligentTieringConfigurations =
        [
            new IntelligentTieringConfiguration
            {
                Name = "archive-cold-objects",
                ArchiveAccessTierTime = Duration.Days(90),
                DeepArchiveAccessTierTime = Duration.Days(180),
            },
        ],
        LifecycleRules =
        [
            new LifecycleRule
            {
                Id = "intelligent-tiering-and-cleanup",
                Transitions = [new Transition { StorageClass = StorageClass.INTELLIGENT_TIERING, TransitionAfter = Duration.Days(0) }],
                // The S3 store aborts failed multipart uploads itself; this catches the ones a killed process left.
                AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                NoncurrentVersionExpiration = Duration.Days(30),
            },
        ],
    });

    static string BucketId(string logicalName) => char.ToUpperInvariant(logicalName[0]) + logicalName[1..] + "Bucket";
}
