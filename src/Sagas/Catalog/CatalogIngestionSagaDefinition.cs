using MassTransit;

namespace ShoppableVideo.Sagas.Catalog;

public class CatalogIngestionSagaDefinition : SagaDefinition<CatalogIngestionState>
{
    // Every product of a manifest reports into the one batch saga at once; optimistic retries would
    // mostly collide again. One message at a time costs nothing here (each update is a few rows) and
    // makes conflicts impossible.
    public CatalogIngestionSagaDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<CatalogIngestionState> sagaConfigurator, IRegistrationContext context) =>
        SagaEndpointPolicy.Apply(endpointConfigurator, context);
}
