using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>Keeps one received message hidden while it is being handled: every interval it pushes the
/// message's visibility timeout out again, so a slow publish does not let another reader receive it.</summary>
public sealed class VisibilityHeartbeat : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task beating;

    public VisibilityHeartbeat(IAmazonSQS sqs, string queueUrl, Message message, int visibilityTimeoutSeconds,
        TimeSpan interval, ILogger logger)
    {
        beating = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    try
                    {
                        await sqs.ChangeMessageVisibilityAsync(queueUrl, message.ReceiptHandle, visibilityTimeoutSeconds, stop.Token);
                    }
                    catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
                    {
                        // The next beat may succeed; if none does, the message returns and is handled again.
                        logger.LogWarning("Could not extend the visibility of message {MessageId}: {Reason}", message.MessageId, e.Message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await beating;
        stop.Dispose();
    }
}
