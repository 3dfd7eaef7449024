using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Keeps a Step Functions execution in step with a running saga, from the outside: it starts the
/// execution when the saga starts, and completes each step's callback task once both the task's token (from
/// the mirror queue) and the step's outcome (from the saga's events) are known, in whichever order they
/// come. It never throws: the saga does not wait for it and must not fail because of it, so every error is
/// logged and the mirror moves on (a task it could not complete times out in Step Functions).</summary>
public sealed class StepFunctionsMirror(
    StepFunctionsClient stepFunctions,
    IMirrorTaskStore store,
    StepFunctionsMirrorOptions options,
    ILogger<StepFunctionsMirror> logger)
{
    public async Task SagaStartedAsync(string saga, Guid sagaId, JsonObject input, CancellationToken cancellationToken)
    {
        if (!options.Enabled || !options.StateMachineArns.TryGetValue(saga, out var stateMachineArn))
            return;
        try
        {
            var start = await stepFunctions.StartExecutionAsync(stateMachineArn, sagaId.ToString("D"), input, cancellationToken);
            if (start.AlreadyStarted)
                logger.LogDebug("Step Functions execution {SagaId} of {Saga} was started already", sagaId, saga);
            else
                logger.LogInformation("Started Step Functions execution {ExecutionArn} for {Saga} {SagaId}", start.ExecutionArn, saga, sagaId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not start the Step Functions execution of {Saga} {SagaId}: {Reason}", saga, sagaId, e.Message);
        }
    }

    public Task StepSucceededAsync(MirroredTask task, CancellationToken cancellationToken) =>
        OutcomeAsync(task, StepOutcome.Success, cancellationToken);

    public Task StepFailedAsync(MirroredTask task, string reason, CancellationToken cancellationToken) =>
        OutcomeAsync(task, StepOutcome.Failure(task.Step, reason), cancellationToken);

    /// <summary>A token read from the mirror queue; true when it is recorded (the message may be deleted).</summary>
    public async Task<bool> TokenReceivedAsync(MirrorTaskMessage message, CancellationToken cancellationToken)
    {
        var task = new MirroredTask(message.Saga, message.SagaId, message.Step);
        ReadyCompletion? ready;
        try
        {
            ready = await store.RecordTokenAsync(task, message.TaskToken, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not record the task token of {Task}: {Reason}", task, e.Message);
            return false;
        }
        if (ready is not null)
            await CompleteAsync(ready, cancellationToken);
        return true;
    }

    /// <summary>Sends what was left unsent by an earlier run (called once at start-up).</summary>
    public async Task CompleteLeftoversAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var ready in await store.ClaimAllReadyAsync(cancellationToken))
                await CompleteAsync(ready, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not read the mirror's unsent completions: {Reason}", e.Message);
        }
    }

    async Task OutcomeAsync(MirroredTask task, StepOutcome outcome, CancellationToken cancellationToken)
    {
        if (!options.Mirrors(task.Saga))
            return;
        try
        {
            if (await store.RecordOutcomeAsync(task, outcome, cancellationToken) is { } ready)
                await CompleteAsync(ready, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not record the outcome of {Task}: {Reason}", task, e.Message);
        }
    }

    async Task CompleteAsync(ReadyCompletion ready, CancellationToken cancellationToken)
    {
        try
        {
            var answer = ready.Outcome.Succeeded
                ? await stepFunctions.SendTaskSuccessAsync(ready.TaskToken, Output(ready.Task), cancellationToken)
                : await stepFunctions.SendTaskFailureAsync(ready.TaskToken, ready.Outcome.Error ?? $"{ready.Task.Step}Failed",
                    ready.Outcome.Cause ?? "", cancellationToken);
            if (answer.IsAccepted)
                logger.LogInformation("Completed the Step Functions task of {Task}: {Outcome}", ready.Task,
                    ready.Outcome.Succeeded ? "success" : ready.Outcome.Error);
            else
                // Gone for good (timed out, completed, execution stopped): nothing to retry.
                logger.LogWarning("Step Functions no longer waits for the task of {Task}: {Code} {Message}", ready.Task,
                    answer.RefusedWith, answer.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Could not complete the Step Functions task of {Task}; it stays owed: {Reason}", ready.Task, e.Message);
            await ReleaseAsync(ready);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(ready);
        }
    }

    // Not bound to the caller's token: a stop must still hand the claim back.
    async Task ReleaseAsync(ReadyCompletion ready)
    {
        try
        {
            await store.ReleaseAsync(ready, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError("Could not hand back the claim on {Task}: {Reason}", ready.Task, e.Message);
        }
    }

    static JsonObject Output(MirroredTask task) =>
        new() { ["sagaId"] = task.SagaId.ToString("D"), ["step"] = task.Step };
}
