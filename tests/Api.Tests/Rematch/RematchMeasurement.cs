using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Rematch;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;
using Xunit.Abstractions;

namespace ShoppableVideo.Api.Tests.Rematch;

/// <summary>Re-match time per video against its first processing time, in the same run: the shared videos are
/// processed against half of a Luma catalog slice, then the other half arrives as a second manifest and every
/// video is re-matched from its stored descriptors. Runs only when SHOPPABLEVIDEO_MEASURE=1.</summary>
public class RematchMeasurement(ITestOutputHelper output)
{
    const int ProductsPerManifest = 40;

    [MeasurementFact]
    public async Task Re_matching_a_processed_video_takes_a_fraction_of_processing_it()
    {
        // The two-minute step timeout of the tests is too short for the longest video's analysis on two busy cores.
        await using var factory = new ApiFactory(services => services.AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromMinutes(15), MaxAttempts = 2 }));
        var http = factory.CreateClient();
        var products = LumaProducts().Take(2 * ProductsPerManifest).ToList();
        var batch = await Lookbook.IngestAsync(factory.Data, http, products[..ProductsPerManifest]);
        Assert.Equal("Completed", batch.Status.State);

        var videos = Directory.GetFiles(Path.Combine(SharedData.Folder!, "videos"), "*.mp4").Order(StringComparer.Ordinal).ToList();
        foreach (var video in videos)
        {
            var staged = Path.Combine(factory.Data.Root, Path.GetFileName(video));
            File.Copy(video, staged);
            File.Move(staged, Path.Combine(factory.Data.BucketsRoot, "videos", Path.GetFileName(video)));
        }
        var sagas = factory.Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        var processed = await Poll.UntilAsync(async ct =>
        {
            var all = await sagas.ListAsync(100, 0, null, ct);
            return all.Count == videos.Count && all.All(v => VideoProcessingStateMachine.FinalStates.Contains(v.CurrentState)) ? all : null;
        }, TimeSpan.FromMinutes(20));

        await CatalogDrops.DropManifestAsync(factory.Data, "new-in.csv", products[ProductsPerManifest..]);
        var rematches = factory.Services.GetRequiredService<ISagaStateReader<VideoRematchState>>();
        var completed = processed.Count(v => v.CurrentState == "Completed");
        var rematched = await Poll.UntilAsync(async ct =>
        {
            var all = await rematches.ListAsync(100, 0, null, ct);
            return all.Count == completed && all.All(r => VideoRematchStateMachine.FinalStates.Contains(r.CurrentState)) ? all : null;
        }, TimeSpan.FromMinutes(10));

        output.WriteLine($"catalog: {ProductsPerManifest} products, then {ProductsPerManifest} more in a second manifest");
        output.WriteLine("| video | length (s) | shots | processing (s) | of which AnalyzeFrames (s) | re-match (s) | re-match / processing | new version |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var video in processed.Where(v => v.CurrentState == "Completed").OrderBy(v => v.Video!.Key, StringComparer.Ordinal))
        {
            var rematch = rematched.Single(r => r.VideoId == video.CorrelationId);
            var processing = (video.FinishedAt!.Value - video.CreatedAt).TotalSeconds;
            var analysis = video.Timings.Single(t => t.Step == VideoStepNames.AnalyzeFrames).Seconds;
            var step = rematch.Timings.Single(t => t.Step == RematchStepNames.Rematch).Seconds!.Value;
            output.WriteLine($"| {video.Video!.Key} | {video.Probe!.DurationSeconds:0.0} | {video.Segments.Count} | {processing:0.00} | {analysis:0.00} | " +
                             $"{step:0.000} | {step / processing:0.0000} (×{processing / step:0}) | {(rematch.Changed ? $"v{rematch.DocumentVersion}" : rematch.Outcome)} |");
            Assert.Equal("Completed", rematch.CurrentState);
        }
    }

    /// <summary>The Luma catalog's rows as lookbook products (rows whose name holds a comma are left out).</summary>
    static IEnumerable<Lookbook.Product> LumaProducts() =>
        SharedData.LumaRows().Select(r => new Lookbook.Product(r.Id, r.Name, r.Category, r.Image));
}
