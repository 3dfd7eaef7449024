using Amazon.Runtime;
using Microsoft.Extensions.Options;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Notifications;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Sagas;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Hosting;

/// <summary>The composition root of the aws profile: S3 buckets, S3 events through SNS and SQS, the bus on
/// RabbitMQ (Amazon MQ), saga state, the artifact index and shot reviews in DynamoDB, completion events also on SNS, and
/// the product index on OpenSearch k-NN when an "es" endpoint is configured (sqlite-vec in the data folder
/// otherwise). The sagas and consumers are the embedded profile's; only these adapters differ. Media is ffmpeg
/// (it reads S3 through presigned URLs) and the in-process shot detector unless <see cref="AwsSettings.Steps"/>
/// chooses MediaConvert frame capture or Rekognition segment detection.</summary>
public static class AwsProfile
{
    public const string Name = "aws";

    /// <summary>Configuration section of the live Step Functions mirror (<see cref="StepFunctionsMirrorOptions"/>);
    /// bound apart from <see cref="AwsSettings"/>, which the CDK app compiles on its own.</summary>
    public const string StepFunctionsSection = "ShoppableVideo:Aws:StepFunctions";

    public static IServiceCollection AddAwsProfile(this IServiceCollection services, EmbeddedSettings settings, AwsSettings aws,
        RabbitMqBusOptions rabbit, StepFunctionsMirrorOptions mirror)
    {
        // Before the processing core, whose sqlite-vec index is only the fallback (TryAdd).
        if (aws.Endpoint("es") is not null)
            services.AddOpenSearchProductIndex(new OpenSearchIndexOptions { IndexName = aws.ProductIndex });
        services.AddProcessingCore(settings);
        var credentials = aws.AccessKeyId is { } keyId ? new BasicAWSCredentials(keyId, aws.SecretAccessKey ?? "") : null;

        services.AddS3ObjectStore(new S3StorageOptions
        {
            BucketNames = aws.Buckets,
            Region = aws.Region,
            ServiceUrl = aws.Endpoint("s3"),
            PartSize = aws.S3PartSize ?? S3StorageOptions.DefaultPartSize,
        }.Validated(), credentials: credentials);
        services.AddSingleton<IBucketWriter, S3BucketWriter>();

        services.AddDynamoDb(new DynamoDbSettings
        {
            ServiceUrl = aws.Endpoint("dynamodb")?.ToString(),
            Region = aws.Region,
            AccessKeyId = aws.AccessKeyId,
            SecretAccessKey = aws.SecretAccessKey,
            SagaTable = aws.SagaTable,
            ArtifactTable = aws.ArtifactTable,
            ReviewTable = aws.ReviewTable,
            WebhookTable = aws.WebhookTable,
            MirrorTable = aws.MirrorTable,
            EventTable = aws.EventTable,
            FinishedSagaTimeToLive = aws.FinishedSagaTimeToLive,
            CreateTablesIfMissing = aws.CreateTablesIfMissing,
        });
        services.AddDynamoDbArtifactIndex();
        services.AddSingleton<IReviewStore>(provider => new DynamoDbReviewStore(
            provider.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(), aws.ReviewTable));
        services.AddSingleton(provider => new DynamoDbWebhookStore(
            provider.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(), aws.WebhookTable, TimeProvider.System,
            provider.GetRequiredService<WebhookDispatchSignal>(), WebhookLease(provider.GetRequiredService<IOptions<WebhookOptions>>().Value)));
        services.AddSingleton<IWebhookSubscriptionStore>(provider => provider.GetRequiredService<DynamoDbWebhookStore>());
        services.AddSingleton<IWebhookOutbox>(provider => provider.GetRequiredService<DynamoDbWebhookStore>());
        services.AddSingleton<ICompletionEventLog>(provider => new DynamoDbCompletionEventLog(
            provider.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(), aws.EventTable,
            provider.GetRequiredService<CompletionEventOptions>(), TimeProvider.System));

        services.AddAwsHttpClient(options =>
        {
            options.Region = aws.Region;
            options.Credentials = credentials;
            foreach (var (service, endpoint) in aws.Endpoints)
                options.Endpoints[service] = endpoint;
        });
        services.AddSqsClient();
        services.AddSingleton(provider => new SnsClient(provider.GetRequiredService<IAwsHttpClient>(),
            provider.GetRequiredService<AwsClientOptions>().Service("sns")));
        if (mirror.Enabled)
        {
            services.AddSingleton<IMirrorTaskStore>(provider => new DynamoDbMirrorTaskStore(
                provider.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(), aws.MirrorTable, TimeProvider.System));
            services.AddStepFunctionsMirror(mirror);
        }
        services.AddAwsMediaSteps(aws);

        var intake = new SqsIntakeOptions { QueueUrl = aws.IntakeQueueUrl };
        foreach (var (logical, physical) in aws.Buckets)
            intake.Buckets[physical] = logical;
        services.AddSingleton(intake);
        if (aws.CompletionTopicArn is { Length: > 0 } topic)
            services.AddSingleton(new SnsCompletionOptions { TopicArn = topic });

        services.AddShoppableBus(new DynamoDbSagaRepositoryChoice(), x =>
        {
            if (aws.CompletionTopicArn is { Length: > 0 })
                x.AddConsumer<SnsCompletionPublisher>();
            if (mirror.Enabled)
                x.AddStepFunctionsMirrorConsumers();
            x.UsingShoppableRabbitMq(rabbit);
        }, settings.ConfigureMedia);

        services.AddImageDecoding(options => options.MaxImagePixels = settings.Catalog.MaxImagePixels);

        settings.ConfigureServices?.Invoke(services);
        services.AddHostedService<SqsIntakeReader>();
        services.AddHostedService<UnfinishedSagaResumer>();
        return services;
    }

    /// <summary>The media steps' adapters that <see cref="AwsSettings.Steps"/> chooses. Before the bus, whose media
    /// registration only TryAdds ffmpeg and the in-process detector. <paramref name="backoff"/>: how the remote
    /// jobs are polled (a test's clock in the tests).</summary>
    public static IServiceCollection AddAwsMediaSteps(this IServiceCollection services, AwsSettings aws, PollingBackoff? backoff = null)
    {
        var steps = aws.Steps.Validated();
        var buckets = new S3BucketNames { ByLogicalBucket = new(aws.Buckets, StringComparer.Ordinal) };
        if (steps.FrameExtraction == AwsMediaSteps.MediaConvert)
            services.AddMediaConvertFrameExtraction(
                new MediaConvertOptions { RoleArn = steps.MediaConvertRoleArn!, QueueArn = steps.MediaConvertQueueArn }, buckets, backoff);
        if (steps.ShotDetection == AwsMediaSteps.Rekognition)
            services.AddRekognitionShotDetection(new RekognitionSegmentOptions(), buckets, backoff);
        return services;
    }

    /// <summary>How long a taken delivery is this process's: well past one attempt, so only a dead process
    /// loses it to another.</summary>
    static TimeSpan WebhookLease(WebhookOptions options) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, 4 * options.RequestTimeout.Ticks));
}
