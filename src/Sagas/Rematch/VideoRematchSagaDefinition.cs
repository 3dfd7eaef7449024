using MassTransit;

namespace ShoppableVideo.Sagas.Rematch;

public class VideoRematchSagaDefinition : SagaDefinition<VideoRematchState>
{
    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<VideoRematchState> sagaConfigurator,
        IRegistrationContext context) =>
        SagaEndpointPolicy.Apply(endpointConfigurator, context);
}
