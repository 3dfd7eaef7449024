using Amazon.Runtime;
using Amazon.SQS;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Aws.Tests.Intake;

/// <summary>A real fauxqs (SQS + SNS) and a MassTransit test harness, reached through AWSSDK.SQS and the signed client,
/// fresh for each test; queues are created per test with short timeouts so each test runs in seconds.</summary>
public sealed class AwsMessagingBench : IAsyncDisposable
{
    readonly FauxqsServer fauxqs;

    AwsMessagingBench(FauxqsServer fauxqs, ServiceProvider provider)
    {
        this.fauxqs = fauxqs;
        Provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
        var options = provider.GetRequiredService<AwsClientOptions>();
        var client = provider.GetRequiredService<IAwsHttpClient>();
        Sqs = provider.GetRequiredService<IAmazonSQS>();
        Sns = new SnsClient(client, options.Service("sns"));
    }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness { get; }

    public IAmazonSQS Sqs { get; }

    public SnsClient Sns { get; }

    public static async Task<AwsMessagingBench> StartAsync(Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IServiceCollection>? services = null)
    {
        var fauxqs = await FauxqsServer.StartAsync();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Debug))
            .AddAwsHttpClient(o =>
            {
                o.Credentials = new BasicAWSCredentials("test", "test");
                o.Endpoints["sqs"] = fauxqs.Endpoint;
                o.Endpoints["sns"] = fauxqs.Endpoint;
                o.BackoffBase = TimeSpan.FromMilliseconds(10);
            })
            .AddSqsClient()
            .AddMassTransitTestHarness(x => consumers?.Invoke(x));
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(true);
        var bench = new AwsMessagingBench(fauxqs, provider);
        await bench.Harness.Start();
        return bench;
    }

    /// <summary>A queue whose unreadable messages go to a dead-letter queue after <paramref name="maxReceiveCount"/> receives.</summary>
    public async Task<(string Queue, string DeadLetterQueue)> CreateQueueWithDeadLetterQueueAsync(string name, int maxReceiveCount,
        int visibilityTimeoutSeconds)
    {
        var dlq = await Sqs.NewQueueAsync($"{name}-dlq");
        var dlqArn = await QueueArnAsync(dlq);
        var queue = await Sqs.NewQueueAsync(name, new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(),
            ["RedrivePolicy"] = SqsQueues.RedrivePolicy(dlqArn, maxReceiveCount),
        });
        return (queue, dlq);
    }

    public Task<string> QueueArnAsync(string queueUrl) => Sqs.QueueArnAsync(queueUrl);

    /// <summary>Messages waiting plus messages received and hidden: zero once every message is deleted.</summary>
    public Task<int> MessagesOnQueueAsync(string queueUrl) => Sqs.MessagesOnQueueAsync(queueUrl);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Provider.DisposeAsync();
        await fauxqs.DisposeAsync();
    }
}
