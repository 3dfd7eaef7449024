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

    /// <summary>How many messages each bus endpoint handles at once; null leaves MassTransit's default. The
    /// throughput benchmark compares the choices.</summary>
    public int? ConcurrentMessageLimit { get; init; }

    /// <summary>Runs after the profile's own registrations, so it can replace an adapter (tests count
    /// calls through decorators; a deployment may bring its own models).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public EmbeddedSettings WithData(DataDirectory data) => new()
    {
        Data = data, Steps = Steps, Intake = Intake, Catalog = Catalog, ShotVote = ShotVote,
        ConfigureMedia = ConfigureMedia, ConfigureMatching = ConfigureMatching, ConfigureServices = ConfigureServices,
        ConcurrentMessageLimit = ConcurrentMessageLimit,
    };
}
