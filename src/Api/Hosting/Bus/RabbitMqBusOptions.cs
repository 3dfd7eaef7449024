namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Where the aws profile's bus connects, bound from <c>ShoppableVideo:RabbitMq</c>. The defaults
/// reach a local broker; Amazon MQ for RabbitMQ takes <c>amqps://b-….mq.{region}.amazonaws.com:5671</c>
/// with the broker user it was created with.</summary>
public sealed class RabbitMqBusOptions
{
    public const string SectionName = "ShoppableVideo:RabbitMq";

    /// <summary>amqp:// or amqps:// (TLS, as Amazon MQ requires); the port defaults to 5672 or 5671.</summary>
    public Uri Host { get; set; } = new("amqp://localhost:5672/");

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>How many messages each endpoint takes ahead of acknowledging. Steps are minutes of
    /// ffmpeg and ONNX each, so a worker holds only a few and leaves the rest to the other workers.</summary>
    public ushort PrefetchCount { get; set; } = 4;

    /// <summary>A dead connection (a broker restart, a failover of Amazon MQ) is noticed after about two
    /// missed heartbeats and recovered; RabbitMQ's own default of 60 s would stall the pipeline longer.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    public bool UsesTls => Host.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase);

    public ushort Port => Host.IsDefaultPort || Host.Port <= 0 ? (ushort)(UsesTls ? 5671 : 5672) : (ushort)Host.Port;

    public static RabbitMqBusOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<RabbitMqBusOptions>() ?? new RabbitMqBusOptions();

    /// <summary>Refuses what would otherwise fail later as a connection error with a less helpful message.</summary>
    public void Validate()
    {
        if (!Host.IsAbsoluteUri || Host.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException($"{SectionName}:Host must be an amqp:// or amqps:// address, not '{Host}'.");
        if (string.IsNullOrWhiteSpace(Username))
            throw new InvalidOperationException($"{SectionName}:Username is empty.");
        if (PrefetchCount == 0)
            throw new InvalidOperationException($"{SectionName}:PrefetchCount must be at least 1.");
        if (Heartbeat < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException($"{SectionName}:Heartbeat must be at least one second.");
    }
}
