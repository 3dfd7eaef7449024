using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>The aws profile's object events: long-polls the intake queue that S3 event notifications reach
/// (through SNS or directly) and publishes each created object's event, the same event the folder watcher
/// publishes. A message is deleted only after the bus accepted every event it carries; while a publish is
/// slow a heartbeat keeps the message hidden. A message that cannot be read, or whose publish fails, is
/// left alone: it returns after its visibility timeout, and after the queue's maxReceiveCount receives
/// its RedrivePolicy moves it to the dead-letter queue.</summary>
public sealed class SqsIntakeReader(
    IAmazonSQS sqs,
    IBus bus,
    SqsIntakeOptions options,
    ILogger<SqsIntakeReader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bus starts in the background. An event published before RabbitMQ has bound the saga queues
        // is routed nowhere, and its message would then be deleted as handled: nothing is received until
        // every receive endpoint is up.
        if (bus is IBusControl control)
            await WaitUntilBusIsHealthyAsync(control, stoppingToken);
        using var slots = new SemaphoreSlim(options.MaxMessagesInFlight);
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                slots.Release();
                foreach (var message in await ReceiveAsync(Math.Min(free, options.MaxMessagesPerReceive), stoppingToken))
                {
                    await slots.WaitAsync(stoppingToken);
                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await HandleAsync(message, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Handlers cut short by the stop leave their messages undeleted; they come back to the next reader.
        await Task.WhenAll(inFlight);
    }

    async Task WaitUntilBusIsHealthyAsync(IBusControl control, CancellationToken stoppingToken)
    {
        try
        {
            await control.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task<IReadOnlyList<Message>> ReceiveAsync(int count, CancellationToken stoppingToken)
    {
        try
        {
            return await sqs.ReceiveAsync(options.QueueUrl, count, options.WaitTimeSeconds,
                options.VisibilityTimeoutSeconds, stoppingToken);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or TaskCanceledException
                                  && !stoppingToken.IsCancellationRequested)
        {
            logger.LogError("Receiving from the intake queue failed: {Reason}", e.Message);
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            return [];
        }
    }

    /// <summary>Handles one message to the end: deleted when its events are published (or it carries
    /// none), left for redelivery otherwise.</summary>
    internal async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        var parsed = S3EventMessage.Parse(message.Body);
        if (parsed.Unreadable is { } reason)
        {
            logger.LogWarning("Leaving unreadable intake message {MessageId} (receive {ReceiveCount}) to the queue's redrive: {Reason}",
                message.MessageId, message.ApproximateReceiveCount(), reason);
            return;
        }

        var events = parsed.Records
            .Select(record => (Record: record, Stored: S3ObjectEvents.ToStoredObject(record, options.Buckets)))
            .Select(r => (r.Record, Event: r.Stored is null ? null : ObjectEvents.For(r.Stored)))
            .ToList();
        foreach (var (record, _) in events.Where(e => e.Event is null && e.Record.IsObjectCreated))
            logger.LogInformation("Ignoring {EventName} of s3://{Bucket}/{Key}: it starts nothing here", record.EventName, record.Bucket, record.Key);

        try
        {
            await using (new VisibilityHeartbeat(sqs, options.QueueUrl, message, options.VisibilityTimeoutSeconds, options.HeartbeatInterval, logger))
                foreach (var (record, @event) in events)
                    if (@event is not null)
                    {
                        await bus.Publish(@event, @event.GetType(), cancellationToken);
                        logger.LogInformation("Announced s3://{Bucket}/{Key} ({Size} bytes)", record.Bucket, record.Key, record.Size);
                    }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Publishing the events of intake message {MessageId} (receive {ReceiveCount}) failed; it stays on the queue",
                message.MessageId, message.ApproximateReceiveCount());
            return;
        }

        try
        {
            await sqs.DeleteMessageAsync(options.QueueUrl, message.ReceiptHandle, cancellationToken);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // Published but not deleted: it comes back and is published again, which the saga's
            // deterministic id absorbs.
            logger.LogWarning("Could not delete intake message {MessageId}: {Reason}", message.MessageId, e.Message);
        }
    }
}
