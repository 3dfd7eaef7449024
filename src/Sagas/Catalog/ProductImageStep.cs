using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

public static class ProductImageStep
{
    public const string Decode = "Decode";
    public const string Detect = "Detect";
    public const string Embed = "Embed";
    public const string Index = "Index";

    public static StepPlan Plan { get; } = new((Decode, 20), (Detect, 40), (Embed, 30), (Index, 10));
}
