using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>
/// The broker-side half of scheduling without the delayed-message-exchange plugin (which Amazon MQ and
/// Debian's RabbitMQ lack): for each destination and delay, a durable fanout exchange and queue
/// <c>{destination}_delay_{ms}</c> whose messages expire after the delay and are then dead-lettered to the
/// destination's own exchange. Every message in one such queue has the same time to live, so they expire
/// in the order they came and none waits behind a longer one. The queues are durable and the messages
/// persistent, so a pending timeout survives a broker restart and a restart of every worker.
/// </summary>
public sealed class RabbitMqDelayQueues(RabbitMqBusOptions options)
{
    /// <summary>Delays are rounded up to this, so a saga's step timeout (scheduled "now + timeout", a few
    /// milliseconds apart each time) always lands in the same queue.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMilliseconds(100);

    readonly ConcurrentDictionary<string, Lazy<Task>> declared = new();

    public static TimeSpan Round(TimeSpan delay) =>
        TimeSpan.FromTicks((delay.Ticks + Granularity.Ticks - 1) / Granularity.Ticks * Granularity.Ticks);

    public static string NameFor(string destination, TimeSpan roundedDelay) =>
        $"{destination}_delay_{(long)roundedDelay.TotalMilliseconds}";

    /// <summary>Declares the delay exchange and queue once per process (declaring is idempotent, so other
    /// workers doing the same is harmless) and returns the exchange to send the message to.</summary>
    public async Task<string> EnsureAsync(string destination, TimeSpan roundedDelay)
    {
        var name = NameFor(destination, roundedDelay);
        var declaration = declared.GetOrAdd(name, _ => new Lazy<Task>(() => DeclareAsync(name, destination, roundedDelay)));
        try
        {
            await declaration.Value;
        }
        catch
        {
            // A broker that was away: the next schedule (the consumer's retry) declares again.
            declared.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, declaration));
            throw;
        }
        return name;
    }

    async Task DeclareAsync(string name, string destination, TimeSpan delay)
    {
        // A short connection of its own: MassTransit keeps its channels to itself, and this runs once
        // per destination and delay, not per message.
        await using var connection = await ConnectionFactory().CreateConnectionAsync($"shoppable-delay-topology-{Environment.MachineName}");
        await using var channel = await connection.CreateChannelAsync();
        // The same properties MassTransit declares a send exchange with, so its own declaration agrees.
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-message-ttl"] = (long)delay.TotalMilliseconds,
            ["x-dead-letter-exchange"] = destination,
        });
        await channel.QueueBindAsync(name, name, routingKey: "");
        await channel.CloseAsync();
        await connection.CloseAsync();
    }

    ConnectionFactory ConnectionFactory() => new()
    {
        HostName = options.Host.Host,
        Port = options.Port,
        VirtualHost = options.VirtualHost,
        UserName = options.Username,
        Password = options.Password,
        Ssl = new SslOption { Enabled = options.UsesTls, ServerName = options.Host.Host },
        RequestedHeartbeat = options.Heartbeat,
    };
}
