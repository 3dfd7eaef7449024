using System.Text.Json.Nodes;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.StepFunctions;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

public class GeneratedDefinitionsTests
{
    public static TheoryData<string> Files => new(StepFunctionsDefinitions.Generate().Select(d => d.FileName));

    [Theory]
    [MemberData(nameof(Files))]
    public void The_committed_definition_is_what_the_state_machines_generate_today(string fileName)
    {
        var fresh = StepFunctionsDefinitions.Generate().Single(d => d.FileName == fileName).Text;
        var path = Path.Combine(RepositoryFolder.Definitions, fileName);

        var committed = File.Exists(path) ? File.ReadAllText(path) : "";

        Assert.True(fresh == committed,
            $"{StepFunctionsDefinitions.Folder}/{fileName} is stale: the saga changed and the definition did not. " +
            $"Regenerate with `dotnet run --project src/Api -- asl` and commit the result.");
    }

    [Fact]
    public void The_video_definition_runs_the_sagas_step_states_in_the_order_the_machine_declares_them()
    {
        var machine = new VideoProcessingStateMachine(new StepPolicy());
        // Independently of the graph walk: the machine's declared states, less the bookkeeping and end states.
        var declared = machine.States.Select(s => s.Name)
            .Except([machine.Initial.Name, machine.Final.Name, machine.Completed.Name, machine.Failed.Name]).ToArray();

        var definition = Definition("video-processing.asl.json");

        Assert.Equal(declared, TaskStates(definition).Select(t => t.Key));
        Assert.Equal(declared, FollowNext(definition).SkipLast(1));
        Assert.Equal(machine.Completed.Name, FollowNext(definition).Last());
        Assert.Equal(VideoStep.Plan.InOrder, TaskStates(definition).Select(t => (string)t.Value!["Parameters"]!["MessageBody"]!["Step"]!));
    }

    [Fact]
    public void Every_video_step_retries_its_timeout_as_the_saga_does_and_fails_into_a_state_named_for_the_step()
    {
        var policy = new StepPolicy();
        var definition = Definition("video-processing.asl.json");

        foreach (var (name, task) in TaskStates(definition))
        {
            var step = (string)task!["Parameters"]!["MessageBody"]!["Step"]!;
            Assert.Equal("arn:aws:states:::sqs:sendMessage.waitForTaskToken", (string)task["Resource"]!);
            Assert.Equal("$$.Task.Token", (string)task["Parameters"]!["MessageBody"]!["TaskToken.$"]!);
            Assert.Equal((int)policy.StepTimeout.TotalSeconds, (int)task["HeartbeatSeconds"]!);
            var retry = Assert.Single(task["Retry"]!.AsArray())!;
            Assert.Equal(["States.Timeout"], retry["ErrorEquals"]!.AsArray().Select(e => (string)e!));
            Assert.Equal(policy.MaxAttempts - 1, (int)retry["MaxAttempts"]!);
            var fail = definition["States"]![(string)task["Catch"]![0]!["Next"]!]!;
            Assert.Equal("Fail", (string)fail["Type"]!);
            Assert.Equal($"{step}Failed", (string)fail["Error"]!);
            Assert.Contains(name, (string)fail["Comment"]!);
        }
    }

    [Fact]
    public void A_photo_the_index_already_holds_can_skip_to_indexing_as_the_product_image_saga_does()
    {
        var definition = Definition("product-image.asl.json");

        var choice = definition["States"]![(string)definition["States"]!["Decoding"]!["Next"]!]!;

        Assert.Equal("Choice", (string)choice["Type"]!);
        Assert.Equal("Detecting", (string)choice["Default"]!);
        Assert.Equal(["Indexing"], choice["Choices"]!.AsArray().Select(c => (string)c!["Next"]!));
    }

    [Fact]
    public void The_catalog_batch_waits_on_its_products_without_a_timeout_because_the_saga_has_none_there()
    {
        var ingesting = Definition("catalog-ingestion.asl.json")["States"]!["Ingesting"]!;

        Assert.Equal(CatalogBatchStep.IngestProducts, (string)ingesting["Parameters"]!["MessageBody"]!["Step"]!);
        Assert.Null(ingesting["Retry"]);
        Assert.Null(ingesting["Catch"]);
        Assert.Null(ingesting["HeartbeatSeconds"]);
    }

    internal static JsonObject Definition(string fileName) =>
        JsonNode.Parse(StepFunctionsDefinitions.Generate().Single(d => d.FileName == fileName).Text)!.AsObject();

    internal static IEnumerable<KeyValuePair<string, JsonNode?>> TaskStates(JsonObject definition) =>
        definition["States"]!.AsObject().Where(s => (string)s.Value!["Type"]! == "Task");

    /// <summary>The states a run passes when every task succeeds and every Choice takes its default.</summary>
    static IEnumerable<string> FollowNext(JsonObject definition)
    {
        var states = definition["States"]!.AsObject();
        for (var name = (string?)definition["StartAt"]; name is not null;)
        {
            var state = states[name]!;
            if ((string)state["Type"]! != "Choice")
                yield return name;
            name = (string?)state["Next"] ?? (string?)state["Default"];
        }
    }
}
