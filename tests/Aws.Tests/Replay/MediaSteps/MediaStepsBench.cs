using Amazon.Runtime;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.Replay.MediaSteps;

/// <summary>
/// The real VideoProcessing saga on a MassTransit test harness with the real step consumers (ffprobe, the
/// frame step, the segment step, analysis without models, the document), the media steps chosen by the aws
/// profile's own settings keys and registration (<see cref="AwsProfile.AddAwsMediaSteps"/>), and MediaConvert
/// and Rekognition answered by their stand-ins behind the real signed client. Buckets are folders, named to
/// the services as the S3 buckets acme-videos and acme-output.
/// </summary>
public sealed class MediaStepsBench : IAsyncDisposable
{
    static readonly Dictionary<string, string> S3Names = new()
    {
        [Buckets.Catalog] = "acme-catalog", [Buckets.Videos] = "acme-videos", [Buckets.Output] = "acme-output",
    };

    readonly ServiceProvider provider;
    readonly DirectoryInfo root;

    MediaStepsBench(ServiceProvider provider, DirectoryInfo root, FolderObjectStore store, MediaConvertStandIn mediaConvert)
    {
        this.provider = provider;
        this.root = root;
        Store = store;
        MediaConvert = mediaConvert;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public FolderObjectStore Store { get; }

    public MediaConvertStandIn MediaConvert { get; }

    /// <param name="frameExtraction">ShoppableVideo:Aws:Steps:FrameExtraction, as a deployment sets it.</param>
    /// <param name="shotDetection">ShoppableVideo:Aws:Steps:ShotDetection.</param>
    /// <param name="rekognition">answers Rekognition; none refuses every Rekognition call.</param>
    /// <param name="mediaConvertFailure">ends every MediaConvert job in ERROR with this code and message.</param>
    public static async Task<MediaStepsBench> StartAsync(string frameExtraction, string shotDetection,
        RekognitionStandIn? rekognition = null, (int Code, string Message)? mediaConvertFailure = null)
    {
        var root = Directory.CreateTempSubdirectory("media-steps-");
        var store = new FolderObjectStore(root.FullName);
        var aws = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AwsSettings.Section}:Buckets:{Buckets.Catalog}"] = S3Names[Buckets.Catalog],
            [$"{AwsSettings.Section}:Buckets:{Buckets.Videos}"] = S3Names[Buckets.Videos],
            [$"{AwsSettings.Section}:Buckets:{Buckets.Output}"] = S3Names[Buckets.Output],
            [$"{AwsSettings.Section}:Steps:FrameExtraction"] = frameExtraction,
            [$"{AwsSettings.Section}:Steps:ShotDetection"] = shotDetection,
            [$"{AwsSettings.Section}:Steps:MediaConvertRoleArn"] = "arn:aws:iam::111122223333:role/MediaConvertRole",
        }).Build().GetSection(AwsSettings.Section).Get<AwsSettings>()!;

        var names = new S3BucketNames { ByLogicalBucket = new(S3Names) };
        var mediaConvert = new MediaConvertStandIn(store, names) { FailJobsWith = mediaConvertFailure };
        var router = new StandInRouter(new Dictionary<string, HttpMessageHandler>
        {
            ["mediaconvert.stand-in"] = mediaConvert,
            ["rekognition.stand-in"] = (HttpMessageHandler?)rekognition ?? new RekognitionStandIn(25, [], 0) { FailWith = "no Rekognition in this test" },
        });
        var awsOptions = new AwsClientOptions
        {
            Credentials = new BasicAWSCredentials("test", "test"),
            BackoffBase = TimeSpan.FromMilliseconds(5),
            MaxAttempts = 3,
        };
        awsOptions.Endpoints["mediaconvert"] = new Uri("http://mediaconvert.stand-in/");
        awsOptions.Endpoints["rekognition"] = new Uri("http://rekognition.stand-in/");

        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IObjectStore>(store)
            .AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromMinutes(2), MaxAttempts = 2 })
            .AddSingleton(awsOptions)
            .AddSingleton<IAwsHttpClient>(p => new SignedAwsHttpClient(new HttpClient(router), awsOptions, p.GetRequiredService<ILogger<SignedAwsHttpClient>>()))
            // The jobs are polled on a clock that does not wait: the stand-ins answer at once.
            .AddAwsMediaSteps(aws, new PollingBackoff { TimeProvider = new RecordingClock() })
            .AddImageDecoding()
            .AddFrameAnalyzer()
            .AddMassTransitTestHarness(x =>
            {
                x.AddDelayedMessageScheduler();
                x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>();
                x.AddMediaConsumers();
                x.AddConsumer<AnalyzeFramesConsumer>();
                x.AddConsumer<PublishMetadataConsumer>();
                // ffmpeg runs for seconds with no bus traffic: only the test timeout ends a wait.
                x.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(3), testInactivityTimeout: TimeSpan.FromMinutes(3));
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var bench = new MediaStepsBench(provider, root, store, mediaConvert);
        await bench.Harness.Start();
        return bench;
    }

    /// <summary>Puts a copy of the file into the videos bucket and announces it, as intake does.</summary>
    public async Task<VideoObjectCreated> DropVideoAsync(string path)
    {
        var key = Path.GetFileName(path);
        await using (var file = File.OpenRead(path))
            await Store.WriteAsync(Buckets.Videos, key, file);
        var created = new VideoObjectCreated(Guid.NewGuid(), (await Store.IdentifyAsync(Buckets.Videos, key))!);
        await Harness.Bus.Publish(created);
        return created;
    }

    /// <summary>The video's completion or failure, whichever the saga announces.</summary>
    public async Task<object> OutcomeAsync(Guid videoId)
    {
        using var timeout = new CancellationTokenSource(Harness.TestTimeout);
        await foreach (var message in Harness.Published.SelectAsync(
                           m => m.MessageObject is VideoProcessingCompleted c && c.VideoId == videoId
                                || m.MessageObject is VideoProcessingFailed f && f.VideoId == videoId, timeout.Token))
            return message.MessageObject;
        throw new TimeoutException($"video {videoId} neither completed nor failed within {Harness.TestTimeout}");
    }

    /// <summary>The last message of a type published for the video (the saga has finished when this is asked).</summary>
    public T Published<T>(Guid videoId, Func<T, Guid> idOf) where T : class => AllPublished(videoId, idOf).Last();

    public IEnumerable<T> AllPublished<T>(Guid videoId, Func<T, Guid> idOf) where T : class =>
        Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).Where(m => idOf(m) == videoId);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
        root.Delete(recursive: true);
    }
}
