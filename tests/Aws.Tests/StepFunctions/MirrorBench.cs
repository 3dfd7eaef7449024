using Amazon.Runtime;
using Amazon.SQS;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>The real VideoProcessing saga with scripted steps on a MassTransit test harness, the live mirror
/// registered as the aws profile registers it (its consumers on the bus, its reader on a real fauxqs mirror
/// queue, its store in a SQLite file), and the Step Functions double behind the real signed client.</summary>
public sealed class MirrorBench : IAsyncDisposable
{
    public const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:VideoProcessingState";

    readonly FauxqsServer fauxqs;
    readonly string folder;
    readonly ServiceProvider provider;
    readonly List<IHostedService> hosted;

    MirrorBench(FauxqsServer fauxqs, string folder, ServiceProvider provider, StepFunctionsDouble stepFunctions, IAmazonSQS sqs, string queue)
    {
        this.fauxqs = fauxqs;
        this.folder = folder;
        this.provider = provider;
        StepFunctions = stepFunctions;
        Sqs = sqs;
        MirrorQueueUrl = queue;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<VideoProcessingStateMachine, VideoProcessingState>();
        hosted = provider.GetServices<IHostedService>().OfType<MirrorQueueReader>().Cast<IHostedService>().ToList();
    }

    public ITestHarness Harness { get; }

    public ISagaStateMachineTestHarness<VideoProcessingStateMachine, VideoProcessingState> Saga { get; }

    public StepFunctionsDouble StepFunctions { get; }

    public IAmazonSQS Sqs { get; }

    public string MirrorQueueUrl { get; }

    public string DatabasePath => Path.Combine(folder, "shoppable.db");

    public StepFunctionsMirror Mirror => provider.GetRequiredService<StepFunctionsMirror>();

    public IMirrorTaskStore Store => provider.GetRequiredService<IMirrorTaskStore>();

    public static async Task<MirrorBench> StartAsync(StepScript script, Action<StepFunctionsDouble>? configure = null)
    {
        var fauxqs = await FauxqsServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("sfn-mirror-").FullName;
        var awsOptions = new AwsClientOptions
        {
            Credentials = new BasicAWSCredentials("test", "test"),
            BackoffBase = TimeSpan.FromMilliseconds(5),
            MaxAttempts = 3,
        };
        awsOptions.Endpoints["sqs"] = fauxqs.Endpoint;
        awsOptions.Endpoints["states"] = new Uri("http://states.invalid/");
        var sqs = SqsRegistration.CreateClient(awsOptions);
        var queue = await sqs.NewQueueAsync("stepfunctions-mirror", new Dictionary<string, string> { ["VisibilityTimeout"] = "5" });
        var stepFunctions = new StepFunctionsDouble(sqs, queue, MirroredSagas.VideoProcessing, VideoStep.Plan.InOrder);
        configure?.Invoke(stepFunctions);

        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(script)
            .AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromSeconds(30), MaxAttempts = 3 })
            .AddAwsHttpClient(o =>
            {
                o.Credentials = awsOptions.Credentials;
                o.Endpoints["sqs"] = fauxqs.Endpoint;
                o.BackoffBase = awsOptions.BackoffBase;
            })
            .AddSqliteDatabase(Path.Combine(folder, "shoppable.db"));
        // Step Functions through the real signed client, answered by the double.
        services.AddSingleton(provider => new StepFunctionsClient(
            new SignedAwsHttpClient(new HttpClient(stepFunctions), awsOptions, provider.GetRequiredService<ILogger<SignedAwsHttpClient>>()),
            awsOptions.Service("states")));
        services.AddStepFunctionsMirror(new StepFunctionsMirrorOptions
        {
            Enabled = true,
            MirrorQueueUrl = queue,
            StateMachineArns = { [MirroredSagas.VideoProcessing] = StateMachineArn },
            WaitTimeSeconds = 1,
            VisibilityTimeoutSeconds = 5,
        });
        services.AddMassTransitTestHarness(x =>
        {
            x.AddDelayedMessageScheduler();
            x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>();
            x.AddConsumer<ScriptedVideoStepConsumer>();
            x.AddStepFunctionsMirrorConsumers();
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseDelayedMessageScheduler();
                cfg.ConfigureEndpoints(context);
            });
        });
        var provider = services.BuildServiceProvider(true);
        var bench = new MirrorBench(fauxqs, folder, provider, stepFunctions, sqs, queue);
        bench.Harness.TestTimeout = TimeSpan.FromSeconds(30);
        await bench.Harness.Start();
        foreach (var service in bench.hosted)
            await service.StartAsync(default);
        return bench;
    }

    public static VideoObjectCreated NewVideo() =>
        new(Guid.NewGuid(), new StoredObject("videos", "clip.mp4", 1234, "sha256:abc"));

    public async Task<VideoProcessingState> WaitForState(Guid id, Func<VideoProcessingStateMachine, MassTransit.State> state)
    {
        var found = await Saga.Exists(id, state, Harness.TestTimeout);
        Assert.True(found.HasValue, $"saga {id} never reached {state(Saga.StateMachine).Name}");
        return Saga.Sagas.Contains(id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
            await service.StopAsync(default);
        await Harness.Stop();
        await provider.DisposeAsync();
        Sqs.Dispose();
        await fauxqs.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
