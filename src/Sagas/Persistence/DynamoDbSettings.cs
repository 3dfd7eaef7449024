namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Where the aws profile keeps saga state, the artifact index, shot reviews, webhooks, the mirror's tasks and recent events. On AWS the CDK stack creates the tables
/// and the SDK finds credentials itself; against a local server (dynalite) set <see cref="ServiceUrl"/>,
/// static keys and <see cref="CreateTablesIfMissing"/>.
/// </summary>
public sealed record DynamoDbSettings
{
    public const string DefaultSagaTable = "shoppable-video-sagas";
    public const string DefaultArtifactTable = "shoppable-video-artifacts";
    public const string DefaultReviewTable = "shoppable-video-reviews";
    public const string DefaultWebhookTable = "shoppable-video-webhooks";
    public const string DefaultMirrorTable = "shoppable-video-mirror-tasks";
    public const string DefaultEventTable = "shoppable-video-events";

    /// <summary>A local DynamoDB endpoint such as http://127.0.0.1:4567; null means the region's endpoint.</summary>
    public string? ServiceUrl { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Static keys for local servers, which accept any; null uses the SDK's credential chain.</summary>
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    /// <summary>One table for every saga type: each item's sort key is its saga type.</summary>
    public string SagaTable { get; init; } = DefaultSagaTable;

    public string ArtifactTable { get; init; } = DefaultArtifactTable;

    /// <summary>Reviewers' decisions, shared by every API process of a deployment.</summary>
    public string ReviewTable { get; init; } = DefaultReviewTable;

    /// <summary>Webhook subscriptions and their deliveries, with the due-delivery index every dispatcher takes from.</summary>
    public string WebhookTable { get; init; } = DefaultWebhookTable;

    /// <summary>The Step Functions mirror's task tokens and step outcomes, shared by every worker.</summary>
    public string MirrorTable { get; init; } = DefaultMirrorTable;

    /// <summary>Recent completion events, which a reconnecting SSE client resumes from at any API process.</summary>
    public string EventTable { get; init; } = DefaultEventTable;

    /// <summary>Default retention of finished sagas for every saga repository; null keeps them.</summary>
    public TimeSpan? FinishedSagaTimeToLive { get; init; }

    /// <summary>Creates the tables at start-up when absent: for local servers and first runs.</summary>
    public bool CreateTablesIfMissing { get; init; }
}
