using MassTransit;

namespace ShoppableVideo.Api.Hosting.Bus;

public static class InMemoryBusTransport
{
    /// <summary>The embedded profile's bus: in process, with the transport's own delay for step timeouts.
    /// Nothing survives the process; saga state does, and the resumer re-issues each unfinished step.</summary>
    public static void UsingShoppableInMemory(this IBusRegistrationConfigurator x)
    {
        x.AddDelayedMessageScheduler();
        x.UsingInMemory((context, cfg) =>
        {
            cfg.UseDelayedMessageScheduler();
            cfg.ConfigureEndpoints(context);
        });
    }
}
