namespace ShoppableVideo.Api.Hosting;

/// <summary>What the aws profile is told, from configuration section <c>ShoppableVideo:Aws</c>. Each
/// adapter's own options are derived from these, so a bucket or an endpoint is named once.</summary>
public sealed class AwsSettings
{
    public const string Section = "ShoppableVideo:Aws";

    public string Region { get; set; } = "us-east-1";

    /// <summary>Logical bucket ("catalog", "videos", "output") to its S3 bucket.</summary>
    public Dictionary<string, string> Buckets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Endpoint overrides by service ("s3", "sqs", "sns", "dynamodb", "mediaconvert",
    /// "rekognition", "es"), for local servers; services not named use their regional endpoint.</summary>
    public Dictionary<string, Uri> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Static keys, only for local servers (which accept any); without them every client uses
    /// the SDK's standard credential chain (environment, profile, container, instance role).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>The SQS queue that S3 event notifications reach, through SNS or directly.</summary>
    public string IntakeQueueUrl { get; set; } = "";

    /// <summary>The SNS topic users subscribe to for completion and failure events; none when empty.</summary>
    public string? CompletionTopicArn { get; set; }

    public string SagaTable { get; set; } = "shoppable-video-sagas";

    public string ArtifactTable { get; set; } = "shoppable-video-artifacts";

    /// <summary>Shot reviews, shared by every API process.</summary>
    public string ReviewTable { get; set; } = "shoppable-video-reviews";

    /// <summary>Webhook subscriptions and deliveries, shared by every process; each delivery is sent by one.</summary>
    public string WebhookTable { get; set; } = "shoppable-video-webhooks";

    /// <summary>The Step Functions mirror's task tokens and step outcomes, shared by every worker.</summary>
    public string MirrorTable { get; set; } = "shoppable-video-mirror-tasks";

    /// <summary>Recent completion events, which a reconnecting SSE client resumes from at any API process.</summary>
    public string EventTable { get; set; } = "shoppable-video-events";

    /// <summary>For local servers and first runs; on AWS the CDK stack creates the tables.</summary>
    public bool CreateTablesIfMissing { get; set; }

    /// <summary>How long finished sagas stay (DynamoDB TTL); kept for ever when unset.</summary>
    public TimeSpan? FinishedSagaTimeToLive { get; set; }

    /// <summary>The OpenSearch k-NN index (or alias) that holds the product vectors. With an "es" endpoint
    /// (the domain's), every process reads and writes this one index; without one, each process keeps its
    /// own sqlite-vec file, which is only right for a single worker.</summary>
    public string ProductIndex { get; set; } = "products";

    /// <summary>S3 multipart part size; local servers may cap request bodies below the 16 MiB default.</summary>
    public int? S3PartSize { get; set; }

    /// <summary>Which adapter runs each media step. The defaults run both on the worker, the cheaper choice.</summary>
    public AwsMediaSteps Steps { get; set; } = new();

    public Uri? Endpoint(string service) => Endpoints.TryGetValue(service, out var endpoint) ? endpoint : null;
}

/// <summary>Section <c>ShoppableVideo:Aws:Steps</c>: where frames and shots come from.</summary>
public sealed class AwsMediaSteps
{
    public const string Ffmpeg = "ffmpeg";
    public const string MediaConvert = "mediaconvert";
    public const string InProcess = "in-process";
    public const string Rekognition = "rekognition";

    /// <summary><c>ffmpeg</c> (decode on the worker, every frame measured) or <c>mediaconvert</c> (a frame-capture
    /// job; only the captured frames are measured, so in-process cuts land up to one capture interval late).</summary>
    public string FrameExtraction { get; set; } = Ffmpeg;

    /// <summary><c>in-process</c> (the adaptive detector over the frame step's signals) or <c>rekognition</c>
    /// (Rekognition Video segment detection on the stored video).</summary>
    public string ShotDetection { get; set; } = InProcess;

    /// <summary>The IAM role MediaConvert assumes to read videos and write captures; required with mediaconvert.</summary>
    public string? MediaConvertRoleArn { get; set; }

    /// <summary>A MediaConvert queue ARN; the account's Default queue when unset.</summary>
    public string? MediaConvertQueueArn { get; set; }

    /// <summary>Refuses a value that names no adapter, at start-up rather than at the first video.</summary>
    public AwsMediaSteps Validated()
    {
        if (FrameExtraction is not (Ffmpeg or MediaConvert))
            throw new InvalidOperationException(
                $"ShoppableVideo:Aws:Steps:FrameExtraction is '{FrameExtraction}'; use '{Ffmpeg}' or '{MediaConvert}'.");
        if (ShotDetection is not (InProcess or Rekognition))
            throw new InvalidOperationException(
                $"ShoppableVideo:Aws:Steps:ShotDetection is '{ShotDetection}'; use '{InProcess}' or '{Rekognition}'.");
        if (FrameExtraction == MediaConvert && string.IsNullOrWhiteSpace(MediaConvertRoleArn))
            throw new InvalidOperationException(
                "ShoppableVideo:Aws:Steps:FrameExtraction is 'mediaconvert' but Steps:MediaConvertRoleArn names no role for it.");
        return this;
    }
}
