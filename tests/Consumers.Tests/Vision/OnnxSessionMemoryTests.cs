using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Onnx;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

/// <summary>RSS is a process-wide figure, so this runs alone: other tests allocating in parallel would
/// be counted as growth.</summary>
[CollectionDefinition(nameof(OnnxSessionMemoryTests), DisableParallelization = true)]
[Collection(nameof(OnnxSessionMemoryTests))]
public sealed class OnnxSessionMemoryTests(ITestOutputHelper output)
{
    [ModelsFact]
    public void A_thousand_sessions_created_run_and_disposed_do_not_grow_memory()
    {
        var model = Models.File("person-reid-0288");
        var input = new FloatTensor(new float[256 * 128 * 3], 1, 256, 128, 3);
        void Cycle()
        {
            using var session = Models.Engine.OpenSession(model, 1);
            session.Run("inputs:0", input);
        }

        for (var i = 0; i < 50; i++)
            Cycle();
        var before = ResidentMegabytes();
        for (var i = 0; i < 1000; i++)
            Cycle();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = ResidentMegabytes();
        output.WriteLine($"RSS after warm-up {before:F1} MB, after 1000 sessions {after:F1} MB");
        Assert.True(after - before < 40, $"RSS grew {after - before:F1} MB over 1000 sessions");
    }

    static double ResidentMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:"))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).Single();
}
