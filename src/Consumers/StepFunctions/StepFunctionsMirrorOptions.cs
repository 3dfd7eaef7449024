namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The live mirror: which Step Functions state machine mirrors which saga, and the SQS queue its
/// callback tasks send their task tokens to. Sagas without an ARN here are not mirrored.</summary>
public class StepFunctionsMirrorOptions
{
    public bool Enabled { get; set; }

    /// <summary>Saga name ("VideoProcessing", as the ASL generator names it) to the ARN of the
    /// state machine generated from it.</summary>
    public Dictionary<string, string> StateMachineArns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The queue each task state's sqs:sendMessage.waitForTaskToken sends its token to.</summary>
    public string MirrorQueueUrl { get; set; } = "";

    /// <summary>Long poll: a receive waits up to this long (at most 20) for a message.</summary>
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>A received token message stays hidden this long; recording it takes milliseconds.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 30;

    public bool Mirrors(string saga) => Enabled && StateMachineArns.ContainsKey(saga);
}
