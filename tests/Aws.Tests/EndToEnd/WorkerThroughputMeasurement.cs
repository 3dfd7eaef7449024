using System.Diagnostics;
using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using Xunit.Abstractions;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>
/// Videos per minute on the local aws stack with one worker and with three, measured in the same run on the same
/// machine: the same real video dropped under <see cref="Videos"/> keys at once, timed from the drop to the last
/// completion. Workers are whole host processes, so on one machine they share its cores; the ratio says what the
/// shared engines cost or allow, not what three machines would do. It takes minutes, so it runs only when
/// SHOPPABLEVIDEO_MEASURE=1.
/// </summary>
public class WorkerThroughputMeasurement(LocalAwsStack stack, ITestOutputHelper output) : IClassFixture<LocalAwsStack>
{
    const int Videos = 16;

    [MeasurementFact]
    public async Task Videos_per_minute_with_one_and_with_three_workers()
    {
        // One worker before and after three, so the spread of the baseline shows beside the ratio.
        var one = await MeasureAsync(workers: 1);
        var three = await MeasureAsync(workers: 3);
        var oneAgain = await MeasureAsync(workers: 1, round: 2);
        var baseline = (one + oneAgain) / 2;
        output.WriteLine($"{Environment.ProcessorCount} cores, {Videos} x {Fixtures.Fence}");
        output.WriteLine($"1 worker:  {one:0.0} and {oneAgain:0.0} videos/min");
        output.WriteLine($"3 workers: {three:0.0} videos/min ({three / baseline:0.00}x the mean of one)");
    }

    async Task<double> MeasureAsync(int workers, int round = 1)
    {
        var deployment = await stack.DeployAsync($"e2e-throughput-{workers}-{round}");
        var settings = deployment.WorkerSettings().ToArray();
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < workers; i++)
                hosts.Add(await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-throughput-").FullName, settings));

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Videos).Select(i =>
                deployment.PutAndAnnounceAsync(Buckets.Videos, $"fence-{i:D2}.mp4", SharedData.Video(Fixtures.Fence))));
            var finished = await Poll.UntilAsync(async ct =>
                (await hosts[0].Http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct)) is { Count: Videos } all
                && all.All(v => v.Status.State is "Completed" or "Failed") ? all : null, TimeSpan.FromMinutes(20));
            clock.Stop();

            Assert.All(finished, v => Assert.Equal("Completed", v.Status.State));
            return Videos / clock.Elapsed.TotalMinutes;
        }
        finally
        {
            foreach (var host in hosts)
                host.Dispose();
        }
    }
}
