using MassTransit;

namespace ShoppableVideo.Sagas.Video;

public class VideoProcessingSagaDefinition : SagaDefinition<VideoProcessingState>
{
    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<VideoProcessingState> sagaConfigurator,
        IRegistrationContext context) =>
        SagaEndpointPolicy.Apply(endpointConfigurator, context);
}
