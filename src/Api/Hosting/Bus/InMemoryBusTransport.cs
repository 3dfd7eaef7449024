using MassTransit;

namespace ShoppableVideo.Api.Hosting.Bus;

public static class InMemoryBusTransport
{
    /// <summary>The embedded profile's bus: in process, with the transport's own delay for step timeouts.
    /// Nothing survives the process; saga state does, and the resumer re-issues each unfinished step.
    /// <paramref name="concurrentMessageLimit"/>, when given, is how many messages each endpoint (each step's
    /// consumer, each saga) handles at once; otherwise MassTransit's default.</summary>
    public static void UsingShoppableInMemory(this IBusRegistrationConfigurator x, int? concurrentMessageLimit = null)
    {
        x.AddDelayedMessageScheduler();
        x.UsingInMemory((context, cfg) =>
        {
            cfg.UseDelayedMessageScheduler();
            if (concurrentMessageLimit is { } limit)
                cfg.ConcurrentMessageLimit = limit;
            cfg.ConfigureEndpoints(context);
        });
    }
}
