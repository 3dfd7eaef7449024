using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>The ProductImage steps in order, with their share of a run (names: <see cref="ProductImageStepNames"/>).</summary>
public static class ProductImageStep
{
    public static StepPlan Plan { get; } = new(
        (ProductImageStepNames.Decode, 20), (ProductImageStepNames.Detect, 40),
        (ProductImageStepNames.Embed, 30), (ProductImageStepNames.Index, 10));
}
