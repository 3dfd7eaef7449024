using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.StepFunctions;

/// <summary>Writes a saga's route as Amazon States Language: a Step Functions state machine that mirrors the
/// saga step for step. Each step is a Task on the callback pattern: Step Functions sends the step (with a
/// task token) to the mirror queue and waits; the running saga answers with the token when the step ends,
/// so the console follows the saga live. The saga stays the one that decides; the mirror only shows.</summary>
public static class AslGenerator
{
    /// <summary>A DefinitionSubstitutions token: the CDK app puts the mirror queue's URL here.</summary>
    public const string MirrorQueueUrlToken = "${MirrorQueueUrl}";

    public const string CallbackResource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

    /// <summary>Where a task's answer goes in the state; a step with several next states reads
    /// <c>next</c> from it.</summary>
    public const string ResultPath = "$.result";

    public const string ErrorPath = "$.error";

    static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // The files are read by tools and people, never embedded in HTML: keep quotes and arrows as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Generate(SagaRoute route, StepPolicy policy)
    {
        var states = new JsonObject();
        foreach (var step in route.Steps)
        {
            var choice = step.Next.Count > 1 ? $"After{step.State}" : null;
            states[step.State] = Task(route, step, policy, choice ?? step.Next.Single());
            if (choice is not null)
                states[choice] = Choice(step);
            if (step.FailingEvents.Count > 0)
                states[FailStateName(step)] = Fail(step);
        }
        states[route.Completed] = new JsonObject
        {
            ["Type"] = "Succeed",
            ["Comment"] = $"The {route.Saga} saga reached {route.Completed}.",
        };

        return new JsonObject
        {
            ["Comment"] = $"Generated from {route.Saga}StateMachine by AslGenerator; do not edit. Mirrors the saga: " +
                string.Join(" → ", route.Steps.Select(s => s.State).Append(route.Completed)) + $" | {route.Failed}.",
            ["StartAt"] = route.Steps[0].State,
            ["States"] = states,
        };
    }

    public static string ToText(JsonObject definition) => definition.ToJsonString(Indented) + "\n";

    /// <summary>One Fail state per step, so the console shows where a run failed as the saga's FailedStep does.</summary>
    public static string FailStateName(StepRoute step) => $"{step.Step}Failed";

    static JsonObject Task(SagaRoute route, StepRoute step, StepPolicy policy, string next)
    {
        var task = new JsonObject
        {
            ["Type"] = "Task",
            ["Comment"] = $"{route.Saga} step {step.Step}: the saga is {step.State} until the step's result event arrives.",
            ["Resource"] = CallbackResource,
            ["Parameters"] = new JsonObject
            {
                ["QueueUrl"] = MirrorQueueUrlToken,
                ["MessageBody"] = new JsonObject
                {
                    ["TaskToken.$"] = "$$.Task.Token",
                    ["SagaId.$"] = "$.sagaId",
                    ["Saga"] = route.Saga,
                    ["Step"] = step.Step,
                },
            },
            ["ResultPath"] = ResultPath,
        };
        if (step.TimesOut)
        {
            // The saga's step timeout counts silence, and each progress report restarts it: that is a
            // heartbeat (the saga sends SendTaskHeartbeat on progress), not a cap on the whole step.
            task["HeartbeatSeconds"] = (int)policy.StepTimeout.TotalSeconds;
            task["Retry"] = new JsonArray(new JsonObject
            {
                ["Comment"] = $"The saga re-issues a silent step at once, {policy.MaxAttempts} attempts in all; " +
                    "ASL's shortest interval is 1 s.",
                ["ErrorEquals"] = new JsonArray("States.Timeout"),
                ["IntervalSeconds"] = 1,
                ["MaxAttempts"] = policy.MaxAttempts - 1,
                ["BackoffRate"] = 1.0,
            });
        }
        if (step.FailingEvents.Count > 0)
        {
            task["Catch"] = new JsonArray(new JsonObject
            {
                // No Retry on failures: the consumer endpoint already retried the delivery (UseMessageRetry)
                // before the saga saw a Fault, so a failure reaching the mirror is final, as it is for the saga.
                ["Comment"] = $"The saga fails {step.State} on {string.Join(", ", step.FailingEvents)}.",
                ["ErrorEquals"] = new JsonArray("States.ALL"),
                ["ResultPath"] = ErrorPath,
                ["Next"] = FailStateName(step),
            });
        }
        task["Next"] = next;
        return task;
    }

    static JsonObject Choice(StepRoute step)
    {
        var choices = new JsonArray();
        foreach (var other in step.Next.Skip(1))
            choices.Add(new JsonObject
            {
                ["Variable"] = $"{ResultPath}.next",
                ["StringEquals"] = other,
                ["Next"] = other,
            });
        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = $"After {step.Step} the saga may go to {string.Join(" or ", step.Next)}; " +
                "its answer names the state in 'next', and without it the usual route is taken.",
            ["Choices"] = choices,
            ["Default"] = step.Next[0],
        };
    }

    static JsonObject Fail(StepRoute step) => new()
    {
        ["Type"] = "Fail",
        ["Comment"] = $"The saga's Failed state, reached from {step.State}; the cause is the saga's failure reason.",
        ["Error"] = $"{step.Step}Failed",
        ["CausePath"] = $"{ErrorPath}.Cause",
    };
}
