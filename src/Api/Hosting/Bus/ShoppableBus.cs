using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Rematch;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Rematch;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>The bus every profile runs: the four sagas, every consumer and the retry policy. A profile
/// chooses only where saga state lives and which transport (with its scheduler) carries the messages.</summary>
public static class ShoppableBus
{
    public static IServiceCollection AddShoppableBus(this IServiceCollection services, ISagaRepositoryChoice sagaRepository,
        Action<IBusRegistrationConfigurator> useTransport, Action<MediaOptions>? configureMedia = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMassTransit(x =>
        {
            // MassTransit 8.4+ reports anonymous usage to its makers by default; a self-hosted pipeline
            // calls nobody it was not told to (and offline it only logged a failed lookup).
            x.DisableUsageTelemetry();
            sagaRepository.Configure(
                x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>());
            sagaRepository.Configure(
                x.AddSagaStateMachine<CatalogIngestionStateMachine, CatalogIngestionState, CatalogIngestionSagaDefinition>());
            sagaRepository.Configure(
                x.AddSagaStateMachine<ProductImageStateMachine, ProductImageState, ProductImageSagaDefinition>());
            sagaRepository.Configure(
                x.AddSagaStateMachine<VideoRematchStateMachine, VideoRematchState, VideoRematchSagaDefinition>());

            x.AddMediaConsumers(configureMedia);
            x.AddConsumer<AnalyzeFramesConsumer>();
            x.AddConsumer<PublishMetadataConsumer>();
            x.AddConsumer<ParseCatalogManifestConsumer>();
            x.AddConsumer<DecodeProductImageConsumer>();
            x.AddConsumer<DetectProductItemsConsumer>();
            x.AddConsumer<EmbedProductItemsConsumer>();
            x.AddConsumer<IndexProductConsumer>();
            x.AddConsumer<PruneCatalogManifestConsumer>();
            x.AddConsumer<ProductIndexRebuildConsumer>();
            x.AddConsumer<ArtifactIndexingConsumer>();
            x.AddConsumer<CatalogChangeRematchConsumer>();
            x.AddConsumer<RematchVideoConsumer, RematchVideoConsumerDefinition>();
            x.AddConsumer<WebhookOutboxConsumer>();
            // A queue of this process's own, gone with it: every API process tells its SSE clients every event.
            x.AddConsumer<ServerSentEventsConsumer>().Endpoint(e =>
            {
                e.InstanceId = NewId.Next().ToString("N");
                e.Temporary = true;
            });

            x.AddStepRetry();
            useTransport(x);
        });
        return services;
    }

    /// <summary>Transient failures (a busy disk, a tool that crashed, a broker that went away) get a few
    /// more tries; what still fails becomes a Fault that ends the saga in Failed with the exception's
    /// message, and the message itself lands in the endpoint's _error queue.</summary>
    public static IBusRegistrationConfigurator AddStepRetry(this IBusRegistrationConfigurator x)
    {
        x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(250, 1000, 4000)));
        return x;
    }
}
