using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Rematch;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas;

/// <summary>At start-up, asks every unfinished saga to re-issue its current step. The in-memory bus lost
/// the commands and scheduled timeouts in flight when the previous process died; saga state did not.</summary>
public sealed class UnfinishedSagaResumer(
    IBus bus,
    ISagaStateReader<VideoProcessingState> videos,
    ISagaStateReader<CatalogIngestionState> batches,
    ISagaStateReader<ProductImageState> productImages,
    ISagaStateReader<VideoRematchState> rematches,
    ILogger<UnfinishedSagaResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var video in await videos.ListUnfinishedAsync(VideoProcessingStateMachine.FinalStates, stoppingToken))
            await Resume(new ResumeVideoProcessing(video.CorrelationId), video.CurrentState, stoppingToken);
        foreach (var batch in await batches.ListUnfinishedAsync(CatalogIngestionStateMachine.FinalStates, stoppingToken))
            await Resume(new ResumeCatalogIngestion(batch.CorrelationId), batch.CurrentState, stoppingToken);
        foreach (var image in await productImages.ListUnfinishedAsync(ProductImageStateMachine.FinalStates, stoppingToken))
            await Resume(new ResumeCatalogIngestion(image.CorrelationId), image.CurrentState, stoppingToken);
        foreach (var rematch in await rematches.ListUnfinishedAsync(VideoRematchStateMachine.FinalStates, stoppingToken))
            await Resume(new ResumeVideoRematch(rematch.CorrelationId), rematch.CurrentState, stoppingToken);
    }

    async Task Resume<T>(T message, string state, CancellationToken cancellationToken) where T : class
    {
        logger.LogInformation("Resuming {Message} in state {State}", message, state);
        await bus.Publish(message, cancellationToken);
    }
}
