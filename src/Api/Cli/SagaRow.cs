using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Cli;

/// <summary>What the CLI shows of any saga in a list or a progress bar, whatever its kind.</summary>
public sealed record SagaRow(
    string Kind,
    Guid Id,
    string Key,
    string State,
    string? CurrentStep,
    double Percent,
    string? FailureReason,
    bool Finished)
{
    public const string Video = "video";
    public const string Catalog = "catalog";

    public bool Failed => State == "Failed";

    public static SagaRow Of(VideoProcessingState saga) => new(Video, saga.CorrelationId, saga.Video?.Key ?? "",
        saga.CurrentState, saga.CurrentStep, saga.Percent, saga.FailureReason,
        VideoProcessingStateMachine.FinalStates.Contains(saga.CurrentState));

    public static SagaRow Of(CatalogIngestionState saga) => new(Catalog, saga.CorrelationId, saga.Manifest?.Key ?? "",
        saga.CurrentState, saga.CurrentStep, saga.Percent, saga.FailureReason,
        CatalogIngestionStateMachine.FinalStates.Contains(saga.CurrentState));
}
