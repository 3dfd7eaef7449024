using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Constructs;
using ShoppableVideo.Sagas.Persistence;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace ShoppableVideo.Infra;

/// <summary>
/// The saga, artifact, review, webhook, mirror-task and event tables, with the key schema DynamoDbTables creates for local servers
/// (string PK and SK, on demand) so the application runs against either unchanged.
/// </summary>
public sealed class Tables : Construct
{
    public Table Sagas { get; }

    public Table Artifacts { get; }

    /// <summary>Shot reviews, shared by every API task: appended, never edited.</summary>
    public Table Reviews { get; }

    /// <summary>Webhook subscriptions and deliveries, with the sparse index of due deliveries every dispatcher takes from.</summary>
    public Table Webhooks { get; }

    /// <summary>The Step Functions mirror's task tokens and step outcomes, claimed by one worker each.</summary>
    public Table MirrorTasks { get; }

    /// <summary>Recent completion events, put by every API task and read by one a client reconnects to.</summary>
    public Table Events { get; }

    public Tables(Construct scope, string id, IKey key) : base(scope, id)
    {
        Sagas = CreateTable("Sagas", key);
        Artifacts = CreateTable("Artifacts", key);
        Reviews = CreateTable("Reviews", key);
        Webhooks = CreateTable("Webhooks", key);
        MirrorTasks = CreateTable("MirrorTasks", key);
        Events = CreateTable("Events", key);
        Webhooks.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = DynamoDbDueIndex.Name,
            PartitionKey = new Attribute { Name = DynamoDbDueIndex.Partition, Type = AttributeType.STRING },
            SortKey = new Attribute { Name = DynamoDbDueIndex.NextAttemptAt, Type = AttributeType.STRING },
            ProjectionType = ProjectionType.KEYS_ONLY,
        });
    }

    Table CreateTable(string id, IKey key) => new(this, id, new TableProps
    {
        PartitionKey = new Attribute { Name = DynamoDbSagaAttributes.PartitionKey, Type = AttributeType.STRING },
        SortKey = new Attribute { Name = DynamoDbSagaAttributes.SortKey, Type = AttributeType.STRING },
        BillingMode = BillingMode.PAY_PER_REQUEST,
        Encryption = TableEncryption.CUSTOMER_MANAGED,
        EncryptionKey = key,
        PointInTimeRecovery = true,
        // Finished sagas carry ExpiresAt when a retention is configured; artifact and review items never do
        // today, so on those tables TTL only takes effect if the application starts writing the attribute.
        TimeToLiveAttribute = DynamoDbSagaAttributes.ExpiresAt,
        DeletionProtection = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
    });
}
