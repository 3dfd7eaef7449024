using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Api.Hosting;

/// <summary>Everything the embedded profile can be told; tests shorten the time limits.</summary>
public sealed class EmbeddedSettings
{
    public required DataDirectory Data { get; init; }
    public StepPolicy Steps { get; init; } = new();
    public IntakeOptions Intake { get; init; } = new();
    public CatalogOptions Catalog { get; init; } = new();
    public ShotVoteOptions ShotVote { get; init; } = new();
    public Action<MediaOptions>? ConfigureMedia { get; init; }
    public Action<MatchingOptions>? ConfigureMatching { get; init; }

    /// <summary>How many messages each bus endpoint handles at once; null leaves MassTransit's default.</summary>
    public int? ConcurrentMessageLimit { get; init; } = DefaultConcurrentMessageLimit;

    /// <summary>Twice the cores, so both stay busy while one message waits on ffmpeg or the disk and another
    /// runs the models. Chosen by measurement on 2 cores (the throughput and ingest benchmarks, each against
    /// MassTransit's default in the same run): 4 at once processed 10–21% more videos a minute and ingested
    /// 13–31% more photos a second.</summary>
    public static int DefaultConcurrentMessageLimit => 2 * Environment.ProcessorCount;

    /// <summary>Runs after the profile's own registrations, so it can replace an adapter (tests count
    /// calls through decorators; a deployment may bring its own models).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public EmbeddedSettings WithData(DataDirectory data) => With(data, ConcurrentMessageLimit);

    /// <summary>The same settings with another bus concurrency limit (null: MassTransit's default).</summary>
    public EmbeddedSettings WithConcurrentMessageLimit(int? limit) => With(Data, limit);

    EmbeddedSettings With(DataDirectory data, int? concurrentMessageLimit) => new()
    {
        Data = data, Steps = Steps, Intake = Intake, Catalog = Catalog, ShotVote = ShotVote,
        ConfigureMedia = ConfigureMedia, ConfigureMatching = ConfigureMatching, ConfigureServices = ConfigureServices,
        ConcurrentMessageLimit = concurrentMessageLimit,
    };
}
