using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.SQS;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>
/// Step Functions as the mirror meets it, for a linear state machine whose every step is a
/// sqs:sendMessage.waitForTaskToken task (what the ASL generator writes): StartExecution enters the first
/// task, which sends {TaskToken, SagaId, Step, Saga} to the mirror queue on a real SQS (fauxqs);
/// SendTaskSuccess with that task's token enters the next one; SendTaskFailure ends the execution. The
/// answers are the documented ones (ExecutionAlreadyExists, TaskTimedOut for a token already used,
/// InvalidToken for one never issued). There is no local Step Functions server here to run instead.
/// </summary>
public sealed class StepFunctionsDouble(IAmazonSQS sqs, string mirrorQueueUrl, string saga, IReadOnlyList<string> steps) : HttpMessageHandler
{
    readonly ConcurrentDictionary<string, Execution> executions = new();
    readonly ConcurrentDictionary<string, (Execution Execution, int Step)> openTokens = new();
    readonly ConcurrentDictionary<string, bool> usedTokens = new();
    readonly List<(string Target, JsonObject Body)> calls = [];
    readonly SemaphoreSlim held = new(0);
    volatile bool holding;

    /// <summary>Every call, in order: its X-Amz-Target operation and its JSON body.</summary>
    public IReadOnlyList<(string Target, JsonObject Body)> Calls { get { lock (calls) return [.. calls]; } }

    public IEnumerable<JsonObject> CallsTo(string operation) => Calls.Where(c => c.Target == operation).Select(c => c.Body);

    /// <summary>The tokens issued, in order, with the step each belongs to.</summary>
    public ConcurrentQueue<(string Step, string Token)> Issued { get; } = new();

    /// <summary>Answer every call with a 500, as a Step Functions that is down would.</summary>
    public bool Down { get; set; }

    /// <summary>Send each task message twice, as an at-least-once delivery may.</summary>
    public bool DuplicateTaskMessages { get; set; }

    /// <summary>Keep task messages back until <see cref="ReleaseTasks"/>, so results reach the mirror first.</summary>
    public void HoldTasks() => holding = true;

    public void ReleaseTasks()
    {
        holding = false;
        held.Release(int.MaxValue / 2);
    }

    /// <summary>Every open task passes its timeout: its token is answered TaskTimedOut from now on.</summary>
    public void TimeOutOpenTasks()
    {
        foreach (var token in openTokens.Keys)
            Close(token);
    }

    public string? Status(Guid sagaId) => executions.TryGetValue(sagaId.ToString("D"), out var e) ? e.Status : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (calls)
            calls.Add((target, body));
        if (Down)
            return Answer(HttpStatusCode.InternalServerError, "InternalFailure", "the service is unavailable");

        return target switch
        {
            "StartExecution" => await StartAsync(body),
            "SendTaskSuccess" => await SucceedAsync((string)body["taskToken"]!),
            "SendTaskFailure" => Fail((string)body["taskToken"]!),
            _ => Answer(HttpStatusCode.BadRequest, "UnknownOperationException", target),
        };
    }

    async Task<HttpResponseMessage> StartAsync(JsonObject body)
    {
        var name = (string)body["name"]!;
        var execution = new Execution(name, $"arn:aws:states:us-east-1:123456789012:execution:{saga}:{name}");
        if (!executions.TryAdd(name, execution))
            return Answer(HttpStatusCode.BadRequest, "ExecutionAlreadyExists", $"Execution Already Exists: '{execution.Arn}'");
        await EnterAsync(execution, 0);
        return Ok(new JsonObject { ["executionArn"] = execution.Arn, ["startDate"] = 1.7203392E9 });
    }

    async Task<HttpResponseMessage> SucceedAsync(string token)
    {
        if (Close(token) is not { } task)
            return Gone(token);
        var (execution, step) = task;
        if (step + 1 < steps.Count)
            await EnterAsync(execution, step + 1);
        else
            execution.Status = "SUCCEEDED";
        return Ok([]);
    }

    HttpResponseMessage Fail(string token)
    {
        if (Close(token) is not { } task)
            return Gone(token);
        task.Item1.Status = "FAILED";
        return Ok([]);
    }

    (Execution, int)? Close(string token)
    {
        if (!openTokens.TryRemove(token, out var task))
            return null;
        usedTokens[token] = true;
        return task;
    }

    HttpResponseMessage Gone(string token) => usedTokens.ContainsKey(token)
        ? Answer(HttpStatusCode.BadRequest, "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")
        : Answer(HttpStatusCode.BadRequest, "InvalidToken", "Invalid Token: 'Invalid token'");

    async Task EnterAsync(Execution execution, int step)
    {
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "AQCEAAAAKgAAAAMAAAAAAAAAA";
        openTokens[token] = (execution, step);
        Issued.Enqueue((steps[step], token));
        var message = new JsonObject
        {
            ["TaskToken"] = token,
            ["SagaId"] = execution.Name,
            ["Step"] = steps[step],
            ["Saga"] = saga,
        }.ToJsonString();
        // The task state sends its message on its own; the caller's answer does not wait for it.
        _ = Task.Run(async () =>
        {
            if (holding)
                await held.WaitAsync();
            await sqs.SendMessageAsync(mirrorQueueUrl, message);
            if (DuplicateTaskMessages)
                await sqs.SendMessageAsync(mirrorQueueUrl, message);
        });
    }

    static HttpResponseMessage Ok(JsonObject body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
    };

    static HttpResponseMessage Answer(HttpStatusCode status, string code, string message) => new(status)
    {
        Content = new StringContent(new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString(), Encoding.UTF8,
            "application/x-amz-json-1.0"),
    };

    sealed class Execution(string name, string arn)
    {
        public string Name { get; } = name;
        public string Arn { get; } = arn;
        public string Status { get; set; } = "RUNNING";
    }
}
