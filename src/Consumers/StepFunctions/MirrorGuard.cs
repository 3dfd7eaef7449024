using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The mirror's consumers listen to the events the sagas already exchange, on an endpoint of their own, so
/// the saga never waits for them. None of them throws: a fault would only be retried into the same wall, so
/// whatever StepFunctionsMirror did not log already is logged here.</summary>
static class MirrorGuard
{
    public static async Task Run(ILogger logger, Type message, CancellationToken cancellationToken, Func<Task> mirror)
    {
        try
        {
            await mirror();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the token message or a restart's leftover sweep completes what this one did not.
        }
        catch (Exception e)
        {
            logger.LogError(e, "The Step Functions mirror could not follow {Message}", message.Name);
        }
    }
}
