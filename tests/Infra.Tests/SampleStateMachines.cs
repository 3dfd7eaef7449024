using System.Text.Json.Nodes;

namespace ShoppableVideo.Infra.Tests;

/// <summary>
/// Small valid Amazon States Language documents shaped like the generator's (a waitForTaskToken task on the
/// mirror queue, a choice, terminal states), written into a folder of their own. The generated files reach
/// this branch later; the stack must deploy whatever they hold, so any valid documents test it.
/// </summary>
public static class SampleStateMachines
{
    public static readonly IReadOnlyDictionary<string, string> Documents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["video-processing"] = Document("Probe", "ExtractFrames"),
        ["catalog-ingestion"] = Document("DecodeImage", "EmbedCrops"),
        ["product-image"] = Document("DetectItems"),
    };

    public static string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, document) in Documents)
            File.WriteAllText(Path.Combine(folder, name + ".asl.json"), document);
        return folder;
    }

    static string Document(params string[] steps)
    {
        var states = new JsonObject();
        for (var i = 0; i < steps.Length; i++)
        {
            states[steps[i]] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                ["Parameters"] = new JsonObject
                {
                    ["QueueUrl"] = "${MirrorQueueUrl}",
                    ["MessageBody"] = new JsonObject { ["step"] = steps[i], ["input.$"] = "$", ["taskToken.$"] = "$$.Task.Token" },
                },
                ["TimeoutSeconds"] = 3600,
                ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = "Failed" }),
                ["Next"] = i + 1 < steps.Length ? steps[i + 1] : "Completed",
            };
        }

        states["Completed"] = new JsonObject { ["Type"] = "Succeed" };
        states["Failed"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "StepFailed" };
        return new JsonObject { ["Comment"] = "sample for the CDK tests", ["StartAt"] = steps[0], ["States"] = states }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
