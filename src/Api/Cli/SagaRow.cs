using ShoppableVideo.Api.Endpoints;
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

    public static SagaRow Of(VideoStatus video) => new(Video, video.Id, video.Video?.Key ?? "",
        video.Status.State, video.Status.CurrentStep, video.Status.Percent, video.Status.FailureReason,
        VideoProcessingStateMachine.FinalStates.Contains(video.Status.State));

    public static SagaRow Of(CatalogBatchStatus batch) => new(Catalog, batch.Id, batch.Manifest?.Key ?? "",
        batch.Status.State, batch.Status.CurrentStep, batch.Status.Percent, batch.Status.FailureReason,
        CatalogIngestionStateMachine.FinalStates.Contains(batch.Status.State));

    public static SagaRow Of(VideoProcessingState saga) => Of(VideoStatus.Of(saga));

    public static SagaRow Of(CatalogIngestionState saga) => Of(CatalogBatchStatus.Of(saga));
}
