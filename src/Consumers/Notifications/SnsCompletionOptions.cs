namespace ShoppableVideo.Consumers.Notifications;

/// <summary>The SNS topic that users subscribe to for completion and failure events.</summary>
public class SnsCompletionOptions
{
    public string TopicArn { get; set; } = "";
}
