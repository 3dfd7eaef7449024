using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>The aws profile's world on this machine: fauxqs (S3, SQS, SNS), dynalite (DynamoDB) and a
/// RabbitMQ broker, all on 127.0.0.1, shared by a test class. Each test asks for its own
/// <see cref="Deployment"/>: buckets, an intake queue with a dead-letter queue behind an SNS topic as S3
/// would publish to, and a completion topic with a queue subscribed, as a user would.</summary>
public sealed class LocalAwsStack : IAsyncLifetime
{
    public FauxqsServer Fauxqs { get; private set; } = null!;
    public DynaliteServer Dynalite { get; private set; } = null!;
    public RabbitMqServer RabbitMq { get; private set; } = null!;
    public IAmazonSQS Sqs { get; private set; } = null!;
    public SnsClient Sns { get; private set; } = null!;
    public IAmazonS3 S3 { get; private set; } = null!;
    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var fauxqs = FauxqsServer.StartAsync();
        var dynalite = DynaliteServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        try
        {
            await Task.WhenAll(fauxqs, dynalite, rabbitMq);
        }
        catch
        {
            // The servers that did start would otherwise outlive the failed fixture.
            if (fauxqs.IsCompletedSuccessfully)
                await fauxqs.Result.DisposeAsync();
            if (dynalite.IsCompletedSuccessfully)
                await dynalite.Result.DisposeAsync();
            if (rabbitMq.IsCompletedSuccessfully)
                await rabbitMq.Result.DisposeAsync();
            throw;
        }
        (Fauxqs, Dynalite, RabbitMq) = (fauxqs.Result, dynalite.Result, rabbitMq.Result);

        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("test", "test"), BackoffBase = TimeSpan.FromMilliseconds(10) };
        options.Endpoints["sqs"] = Fauxqs.Endpoint;
        options.Endpoints["sns"] = Fauxqs.Endpoint;
        var client = new SignedAwsHttpClient(new HttpClient(), options, NullLogger<SignedAwsHttpClient>.Instance);
        Sqs = SqsRegistration.CreateClient(options);
        Sns = new SnsClient(client, options.Service("sns"));
        S3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = Fauxqs.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        DynamoDb = DynamoDbServiceCollectionExtensions.CreateClient(new DynamoDbSettings
        {
            ServiceUrl = Dynalite.Endpoint.ToString(), AccessKeyId = "test", SecretAccessKey = "test",
        });
    }

    /// <param name="broker">a broker of the test's own, for a test that crashes it; the shared one otherwise.</param>
    public async Task<Deployment> DeployAsync(string name, RabbitMqServer? broker = null)
    {
        broker ??= RabbitMq;
        await broker.AddVirtualHostAsync(name);
        var buckets = Buckets.All.ToDictionary(b => b, b => $"{name}-{b}");
        foreach (var bucket in buckets.Values)
            await S3.PutBucketAsync(bucket);

        var deadLetters = await Sqs.NewQueueAsync($"{name}-intake-dlq");
        var intake = await Sqs.NewQueueAsync($"{name}-intake", new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = "30",
            ["RedrivePolicy"] = SqsQueues.RedrivePolicy(await Sqs.QueueArnAsync(deadLetters), 5),
        });
        var s3Events = await Sns.CreateTopicAsync($"{name}-s3-events");
        await Sns.SubscribeQueueAsync(s3Events, await Sqs.QueueArnAsync(intake));

        var completion = await Sns.CreateTopicAsync($"{name}-completion");
        var subscriber = await Sqs.NewQueueAsync($"{name}-subscriber");
        await Sns.SubscribeQueueAsync(completion, await Sqs.QueueArnAsync(subscriber));
        return new Deployment(this, name, broker, buckets, intake, s3Events, completion, subscriber);
    }

    public async Task DisposeAsync()
    {
        await RabbitMq.DisposeAsync();
        await Fauxqs.DisposeAsync();
        await Dynalite.DisposeAsync();
        S3.Dispose();
        Sqs.Dispose();
        DynamoDb.Dispose();
    }
}
