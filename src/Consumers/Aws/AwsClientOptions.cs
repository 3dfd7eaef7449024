using Amazon.Runtime;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>How the signed client and the SQS client (<see cref="SqsRegistration"/>) reach AWS: the
/// region, the credentials (null: the SDK's default chain of environment, profile, container and instance
/// credentials), endpoint overrides by signing name (a local server in tests), and how hard the signed
/// client retries throttling and server errors (the SDK's client retries on its own).</summary>
public class AwsClientOptions
{
    public string Region { get; set; } = "us-east-1";

    public AWSCredentials? Credentials { get; set; }

    /// <summary>Signing name ("sqs", "sns" ...) to endpoint; services not named use their regional endpoint.</summary>
    public Dictionary<string, Uri> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The ceiling of the first retry's random delay; it doubles per attempt up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(20);

    public AwsService Service(string signingName) => new(signingName, Region,
        Endpoints.TryGetValue(signingName, out var endpoint) ? endpoint : new Uri($"https://{signingName}.{Region}.amazonaws.com/"));
}
