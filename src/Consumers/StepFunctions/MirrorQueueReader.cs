using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Long-polls the mirror queue, where each mirrored task state leaves its task token, and hands each
/// token to the mirror. A message is deleted once its token is recorded (completing the task may come later,
/// when the saga's outcome arrives); one that cannot be recorded stays for redelivery, and one that is not a
/// mirror message at all is deleted with a warning, since no retry can make it readable.</summary>
public sealed class MirrorQueueReader(
    IAmazonSQS sqs,
    StepFunctionsMirror mirror,
    StepFunctionsMirrorOptions options,
    ILogger<MirrorQueueReader> logger) : BackgroundService
{
    const int MaxMessagesPerReceive = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await mirror.CompleteLeftoversAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
                foreach (var message in await ReceiveAsync(stoppingToken))
                    await HandleAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task<IReadOnlyList<Message>> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await sqs.ReceiveAsync(options.MirrorQueueUrl, MaxMessagesPerReceive, options.WaitTimeSeconds,
                options.VisibilityTimeoutSeconds, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError("Receiving from the Step Functions mirror queue failed: {Reason}", e.Message);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            return [];
        }
    }

    internal async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        if (MirrorTaskMessage.Parse(message.Body, out var problem) is not { } task)
            logger.LogWarning("Deleting mirror message {MessageId}: {Problem}", message.MessageId, problem);
        else if (!await mirror.TokenReceivedAsync(task, cancellationToken))
            return;

        try
        {
            await sqs.DeleteMessageAsync(options.MirrorQueueUrl, message.ReceiptHandle, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Recorded but not deleted: it comes back, and the same token again changes nothing.
            logger.LogWarning("Could not delete mirror message {MessageId}: {Reason}", message.MessageId, e.Message);
        }
    }
}
