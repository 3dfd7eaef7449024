using System.Text.Json;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>The mirror and the generated state machines meet only through each task's SQS message, so
/// the names in the committed definitions must be the ones the mirror completes.</summary>
public class GeneratedDefinitionsTests
{
    [Theory]
    [InlineData("video-processing.asl.json", MirroredSagas.VideoProcessing)]
    [InlineData("product-image.asl.json", MirroredSagas.ProductImage)]
    public void Every_task_of_a_mirrored_definition_names_the_saga_and_a_step_the_mirror_completes(string file, string saga)
    {
        var steps = typeof(VideoStepNames).GetFields().Concat(typeof(ProductImageStepNames).GetFields())
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        using var definition = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "statemachines", file)));

        var tasks = definition.RootElement.GetProperty("States").EnumerateObject()
            .Where(s => s.Value.GetProperty("Type").GetString() == "Task")
            .Select(s => s.Value.GetProperty("Parameters").GetProperty("MessageBody"))
            .ToList();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, body =>
        {
            Assert.Equal(saga, body.GetProperty("Saga").GetString());
            Assert.Contains(body.GetProperty("Step").GetString()!, steps);
        });
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ShoppableVideo.sln")))
                return folder.FullName;
        throw new InvalidOperationException("the repository root (ShoppableVideo.sln) is not above the test binaries");
    }
}
