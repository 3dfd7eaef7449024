namespace ShoppableVideo.Consumers.Intake;

/// <summary>The aws profile's intake: the queue that S3 event notifications reach (through SNS or
/// directly), which S3 bucket is which logical bucket, and how messages are polled and held.</summary>
public class SqsIntakeOptions
{
    public string QueueUrl { get; set; } = "";

    /// <summary>S3 bucket name to logical bucket (<see cref="Storage.Buckets"/>), e.g.
    /// "shoppable-videos-123" to "videos". Records of buckets not named here are ignored.</summary>
    public Dictionary<string, string> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Long poll: a receive waits up to this long (at most 20) for a message.</summary>
    public int WaitTimeSeconds { get; set; } = 20;

    public int MaxMessagesPerReceive { get; set; } = 10;

    /// <summary>How long a received message stays hidden from other readers; a heartbeat renews it
    /// while its publish is under way.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>How often the heartbeat renews the visibility; well inside the timeout.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Messages handled at once; the reader keeps polling while slow ones are published.</summary>
    public int MaxMessagesInFlight { get; set; } = 20;
}
