using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.SQS;
using Secret = Amazon.CDK.AWS.ECS.Secret;

namespace ShoppableVideo.Infra;

/// <summary>What the application runs on: one image, two Fargate services. The API serves HTTPS behind a
/// load balancer; the workers take the bus's work and grow with the intake queue.</summary>
public sealed class ComputeOptions
{
    public required ContainerImage Image { get; init; }

    /// <summary>The ACM certificate of the API's HTTPS listener.</summary>
    public required string CertificateArn { get; init; }

    public required Dictionary<string, string> Environment { get; init; }

    public required Dictionary<string, Secret> Secrets { get; init; }

    /// <summary>The queue whose depth scales the workers.</summary>
    public required IQueue Intake { get; init; }
}
