using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// Sends due deliveries from the outbox, many at once, each on its own: a subscriber that sleeps or
/// refuses connections holds one slot for at most the request timeout and delays no one else. Failed
/// attempts are rescheduled with backoff until <see cref="WebhookOptions.MaxAttempts"/>. On start it
/// simply finds the pending rows a previous run left, which is how deliveries survive a restart.
/// </summary>
public sealed class WebhookDispatcher(
    IWebhookOutbox outbox,
    WebhookSender sender,
    WebhookDispatchSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    readonly ConcurrentDictionary<Guid, Task> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var settings = options.Value;
        while (true)
        {
            try
            {
                // Only as many as there are free slots: a taken delivery is this process's to send.
                if (settings.MaxParallelDeliveries - inFlight.Count is > 0 and var free)
                    StartDue(await outbox.TakeDueAsync(free, [.. inFlight.Keys], stopping), settings, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Webhook dispatch failed; retrying after the poll interval");
            }
            try
            {
                await signal.WaitAsync(settings.PollInterval, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // Let the cancelled attempts unwind before the database they write to is disposed.
        await Task.WhenAll(inFlight.Values);
    }

    void StartDue(IReadOnlyList<DueDelivery> due, WebhookOptions settings, CancellationToken stopping)
    {
        foreach (var delivery in due)
        {
            if (inFlight.Count >= settings.MaxParallelDeliveries)
                return;
            if (inFlight.ContainsKey(delivery.Id))
                continue;
            // Registered before it starts, so its own clean-up cannot run before the registration.
            var start = new TaskCompletionSource();
            inFlight[delivery.Id] = AttemptAsync(delivery, settings, start.Task, stopping);
            start.SetResult();
        }
    }

    async Task AttemptAsync(DueDelivery delivery, WebhookOptions settings, Task start, CancellationToken stopping)
    {
        await start.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        try
        {
            var result = await sender.SendAsync(delivery, stopping);
            var attempt = delivery.Attempts + 1;
            var state = result.Delivered ? WebhookDeliveryState.Delivered
                : attempt >= settings.MaxAttempts ? WebhookDeliveryState.Failed
                : WebhookDeliveryState.Pending;
            var retryAt = state == WebhookDeliveryState.Pending ? clock.GetUtcNow() + WebhookBackoff.After(attempt, settings) : clock.GetUtcNow();
            await outbox.RecordAttemptAsync(delivery, result.StatusCode, result.Error, state, retryAt, stopping);
            if (state == WebhookDeliveryState.Failed)
                logger.LogWarning("Webhook delivery {Delivery} to {Url} failed after {Attempts} attempts: {Error}",
                    delivery.Id, delivery.Url, attempt, result.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down mid-attempt: the row stays Pending and the next start sends it again.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook delivery {Delivery} could not be recorded", delivery.Id);
        }
        finally
        {
            inFlight.TryRemove(delivery.Id, out _);
            signal.Wake(); // a slot is free
        }
    }
}
