using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.StepFunctions;

/// <summary>The Step Functions definitions of every step saga, generated from the state machines under the
/// default <see cref="StepPolicy"/>. The CDK app deploys the files written here (infra/statemachines).</summary>
public static class StepFunctionsDefinitions
{
    public const string Folder = "infra/statemachines";

    public static IReadOnlyList<AslDocument> Generate()
    {
        var policy = new StepPolicy();
        return
        [
            Document("video-processing.asl.json", SagaRouteReader.Read(new VideoProcessingStateMachine(policy)), policy),
            Document("catalog-ingestion.asl.json", SagaRouteReader.Read(new CatalogIngestionStateMachine(policy)), policy),
            Document("product-image.asl.json", SagaRouteReader.Read(new ProductImageStateMachine(policy)), policy),
        ];
    }

    /// <summary>Writes every definition into <paramref name="folder"/>, returning the paths written.</summary>
    public static IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        return Generate().Select(d =>
        {
            var path = Path.Combine(folder, d.FileName);
            File.WriteAllText(path, d.Text);
            return path;
        }).ToArray();
    }

    static AslDocument Document(string fileName, SagaRoute route, StepPolicy policy) =>
        new(fileName, route, AslGenerator.ToText(AslGenerator.Generate(route, policy)));
}
