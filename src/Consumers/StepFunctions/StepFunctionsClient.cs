using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The three Step Functions operations the live mirror needs, over the JSON 1.0 protocol
/// (AWSStepFunctions.* targets, signing name "states") through the signed client, which already retries
/// throttling and 5xx answers. The answers that mean "nothing left to do" come back as values rather than
/// exceptions: a duplicate start, and a completion for a task that is gone.</summary>
public sealed class StepFunctionsClient(IAwsHttpClient client, AwsService service)
{
    // Documented limits of SendTaskFailure; longer values are refused as a validation error.
    internal const int MaxErrorLength = 256;
    internal const int MaxCauseLength = 32768;

    /// <summary>The error codes that say a task token can no longer be completed: it was completed, failed or
    /// timed out already, or its execution ended. Retrying cannot change them.</summary>
    static readonly HashSet<string> TaskGoneCodes = new(StringComparer.Ordinal) { "TaskDoesNotExist", "TaskTimedOut", "InvalidToken" };

    Task<JsonObject> Call(string operation, JsonObject body, CancellationToken cancellationToken) =>
        client.SendJsonAsync(service, $"AWSStepFunctions.{operation}", body, "1.0", cancellationToken);

    /// <param name="name">the execution's name; the saga id, so a second start of the same saga is refused by
    /// Step Functions itself (ExecutionAlreadyExists) and read here as "already started".</param>
    public async Task<ExecutionStart> StartExecutionAsync(string stateMachineArn, string name, JsonObject input,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await Call("StartExecution", new JsonObject
            {
                ["stateMachineArn"] = stateMachineArn,
                ["name"] = name,
                // The API takes the input as a JSON document inside a string.
                ["input"] = input.ToJsonString(),
            }, cancellationToken);
            return new ExecutionStart((string?)answer["executionArn"], AlreadyStarted: false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ExecutionAlreadyExists")
        {
            return new ExecutionStart(null, AlreadyStarted: true);
        }
    }

    public Task<TaskCompletion> SendTaskSuccessAsync(string taskToken, JsonObject output, CancellationToken cancellationToken = default) =>
        Complete("SendTaskSuccess", new JsonObject { ["taskToken"] = taskToken, ["output"] = output.ToJsonString() }, cancellationToken);

    public Task<TaskCompletion> SendTaskFailureAsync(string taskToken, string error, string cause,
        CancellationToken cancellationToken = default) =>
        Complete("SendTaskFailure", new JsonObject
        {
            ["taskToken"] = taskToken,
            ["error"] = Truncate(error, MaxErrorLength),
            ["cause"] = Truncate(cause, MaxCauseLength),
        }, cancellationToken);

    async Task<TaskCompletion> Complete(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            await Call(operation, body, cancellationToken);
            return TaskCompletion.Accepted;
        }
        catch (AwsServiceException e) when (TaskGoneCodes.Contains(e.ErrorCode))
        {
            return TaskCompletion.Gone(e.ErrorCode, e.Message);
        }
    }

    static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
