using MassTransit;

namespace ShoppableVideo.Sagas.Catalog;

public class ProductImageSagaDefinition : SagaDefinition<ProductImageState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<ProductImageState> sagaConfigurator, IRegistrationContext context) =>
        SagaEndpointPolicy.Apply(endpointConfigurator, context);
}
