using Amazon.SQS;
using Amazon.SQS.Model;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>How the readers receive: a long poll that also asks for each message's receive count.</summary>
public static class SqsMessages
{
    const string ReceiveCount = "ApproximateReceiveCount";

    /// <param name="waitTimeSeconds">long poll: wait up to this long (0..20) for a message to arrive.</param>
    /// <param name="visibilityTimeoutSeconds">hide received messages this long; null: the queue's default.</param>
    public static async Task<IReadOnlyList<Message>> ReceiveAsync(this IAmazonSQS sqs, string queueUrl, int maxNumberOfMessages,
        int waitTimeSeconds, int? visibilityTimeoutSeconds = null, CancellationToken cancellationToken = default)
    {
        var answer = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = maxNumberOfMessages,
            WaitTimeSeconds = waitTimeSeconds,
            VisibilityTimeout = visibilityTimeoutSeconds,
            MessageSystemAttributeNames = [ReceiveCount],
        }, cancellationToken);
        // The v4 SDK leaves an absent list null rather than empty.
        return answer.Messages ?? [];
    }

    /// <summary>How many times the message has been received, this time included; 0 when not asked for.</summary>
    public static int ApproximateReceiveCount(this Message message) =>
        message.Attributes?.TryGetValue(ReceiveCount, out var count) == true && int.TryParse(count, out var value) ? value : 0;
}
