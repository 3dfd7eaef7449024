using MassTransit;

namespace ShoppableVideo.Sagas.Catalog;

public class CatalogIngestionSagaDefinition : SagaDefinition<CatalogIngestionState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<CatalogIngestionState> sagaConfigurator, IRegistrationContext context) =>
        SagaEndpointPolicy.Apply(endpointConfigurator, context);
}
