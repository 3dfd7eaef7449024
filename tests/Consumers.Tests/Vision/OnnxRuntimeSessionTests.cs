using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Onnx;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class OnnxRuntimeSessionTests(ITestOutputHelper output)
{
    [ModelsFact]
    public void Every_installed_model_loads_and_reports_its_inputs_and_outputs()
    {
        foreach (var name in Models.Catalog.Names())
        {
            using var session = Models.Engine.OpenSession(Models.File(name), 1);
            output.WriteLine($"{name}: in {string.Join(' ', session.Inputs)} out {string.Join(' ', session.Outputs)}");
        }
    }
}
