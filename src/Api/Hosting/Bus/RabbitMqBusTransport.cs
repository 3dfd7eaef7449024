using MassTransit;
using MassTransit.Scheduling;

namespace ShoppableVideo.Api.Hosting.Bus;

public static class RabbitMqBusTransport
{
    /// <summary>
    /// The aws profile's bus: RabbitMQ (Amazon MQ for RabbitMQ on AWS) with the same endpoints as the
    /// embedded bus (one queue per saga and consumer, named by MassTransit's conventions), durable queues
    /// and persistent messages, publisher confirms, and step timeouts scheduled through the broker's
    /// message TTL and dead-lettering rather than the delayed-message plugin the broker does not have.
    /// MassTransit recovers the connection after a broker restart; unacknowledged messages come back.
    /// </summary>
    public static void UsingShoppableRabbitMq(this IBusRegistrationConfigurator x, RabbitMqBusOptions options)
    {
        options.Validate();
        var hostAddress = HostAddress(options);
        var delayQueues = new RabbitMqDelayQueues(options);
        x.AddSingleton(delayQueues);
        x.AddScoped<IMessageScheduler>(provider => new MessageScheduler(
            new RabbitMqTtlScheduleMessageProvider(provider.GetRequiredService<ISendEndpointProvider>(), delayQueues, hostAddress),
            provider.GetRequiredService<IBus>().Topology));

        x.UsingRabbitMq((context, cfg) =>
        {
            cfg.Host(options.Host.Host, options.Port, options.VirtualHost, $"shoppable-video-{Environment.MachineName}", h =>
            {
                h.Username(options.Username);
                h.Password(options.Password);
                h.Heartbeat(options.Heartbeat);
                // A publish returns only once the broker has the message, so a saga's step command or a
                // consumer's result is never acknowledged into a broker that then lost it.
                h.PublisherConfirmation = true;
                if (options.UsesTls)
                    h.UseSsl(ssl => ssl.ServerName = options.Host.Host);
            });
            cfg.PrefetchCount = options.PrefetchCount;
            cfg.Durable = true;
            cfg.AddPrePipeSpecification(new AbandonOnChannelShutdownSpecification());
            cfg.AddPrePipeSpecification(new RabbitMqTtlSchedulerSpecification(delayQueues, hostAddress));
            cfg.ConfigureEndpoints(context);
        });
    }

    /// <summary>MassTransit's own form of the broker address, against which short addresses
    /// (queue:…, exchange:…) resolve.</summary>
    static Uri HostAddress(RabbitMqBusOptions options)
    {
        var scheme = options.UsesTls ? "rabbitmqs" : "rabbitmq";
        var virtualHost = options.VirtualHost is "/" or "" ? "" : Uri.EscapeDataString(options.VirtualHost.Trim('/')) + "/";
        return new Uri($"{scheme}://{options.Host.Host}:{options.Port}/{virtualHost}");
    }
}
