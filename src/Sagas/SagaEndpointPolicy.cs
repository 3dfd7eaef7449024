using MassTransit;

namespace ShoppableVideo.Sagas;

/// <summary>How every saga endpoint receives: optimistic-concurrency conflicts are retried, and the
/// messages a saga sends are held back until its new state is saved, so a retried event never sends a
/// step's command twice.</summary>
public static class SagaEndpointPolicy
{
    public static void Apply(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<ConcurrencyException>();
            r.Intervals(10, 25, 50, 100, 200, 400, 800, 1600);
        });
        endpoint.UseInMemoryOutbox(context);
    }
}
