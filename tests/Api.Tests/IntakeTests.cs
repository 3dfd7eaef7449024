using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

public class IntakeTests
{
    [SharedDataFact]
    public async Task A_file_written_slowly_into_the_bucket_is_picked_up_once_and_only_when_complete()
    {
        // The watcher's clock stands still until the test moves it, so the half-written file cannot settle
        // however long this machine takes between the two writes.
        var clock = new FakeTimeProvider();
        await using var host = await EmbeddedHost.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var watcher = host.App.Services.GetServices<IHostedService>().OfType<FolderBucketWatcher>().Single();
        var settleTime = host.App.Services.GetRequiredService<IntakeOptions>().SettleTime;
        var bytes = File.ReadAllBytes(SharedData.Video(Fixtures.Fence));

        await using (var file = new FileStream(Path.Combine(host.VideosFolder, "slow.mp4"), FileMode.CreateNew))
        {
            await file.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await file.FlushAsync();
            await Poll.UntilAsync(_ => Task.FromResult(watcher.FilesSettling == 1 ? "the half file is settling" : null), TimeSpan.FromMinutes(1));
            await file.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        var status = await host.WaitForVideoAsync("slow.mp4", TimeSpan.FromMinutes(1), beforeEachLook: () => clock.Advance(settleTime));
        Assert.Equal("Completed", status.Status.State);
        Assert.Equal(bytes.Length, status.Video!.Size);

        // Any late change event settles and, as the rescans do, finds the file already announced.
        var rescansBefore = watcher.Rescans;
        await Poll.UntilAsync(_ =>
        {
            clock.Advance(settleTime);
            return Task.FromResult(watcher.Rescans >= rescansBefore + 2 ? "two more rescans" : null);
        }, TimeSpan.FromMinutes(1));
        var sagas = await host.Http.GetStringAsync("/videos");
        Assert.Equal(1, CountOccurrences(sagas, "\"slow.mp4\""));
    }

    [SharedDataFact]
    public async Task Files_that_arrived_while_the_host_was_down_are_processed_at_start()
    {
        var data = EmbeddedHost.NewDataDirectory();
        File.Copy(SharedData.Video(Fixtures.Fence), Path.Combine(data.BucketsRoot, "videos", "while-down.mp4"));

        await using var host = await EmbeddedHost.StartAsync(data);

        var status = await host.WaitForVideoAsync("while-down.mp4", TimeSpan.FromMinutes(1));
        Assert.Equal("Completed", status.Status.State);
    }

    [SharedDataFact]
    public async Task An_idle_rescan_reads_no_file_it_has_already_hashed_but_a_replaced_file_is_hashed_again()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var watcher = host.App.Services.GetServices<IHostedService>().OfType<FolderBucketWatcher>().Single();
        var fence = File.ReadAllBytes(SharedData.Video(Fixtures.Fence));
        File.WriteAllBytes(Path.Combine(host.Data.Root, "staged.mp4"), fence);
        File.Move(Path.Combine(host.Data.Root, "staged.mp4"), Path.Combine(host.VideosFolder, "idle.mp4"));
        await host.WaitForVideoAsync("idle.mp4", TimeSpan.FromMinutes(1));

        var hashedBefore = watcher.BytesHashed;
        var rescansBefore = watcher.Rescans;
        await Poll.UntilAsync(_ => Task.FromResult(watcher.Rescans >= rescansBefore + 2 ? "two more rescans" : null), TimeSpan.FromMinutes(1));

        Assert.Equal(hashedBefore, watcher.BytesHashed);

        // Another file under the same name is new content: it is hashed, and announced as a new video.
        var other = File.ReadAllBytes(SharedData.Video(Fixtures.SixShots));
        File.WriteAllBytes(Path.Combine(host.Data.Root, "staged.mp4"), other);
        File.Move(Path.Combine(host.Data.Root, "staged.mp4"), Path.Combine(host.VideosFolder, "idle.mp4"), overwrite: true);
        await Poll.UntilAsync(_ => Task.FromResult(watcher.BytesHashed >= hashedBefore + other.Length ? "hashed" : null), TimeSpan.FromMinutes(1));
    }

    static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "").Length) / value.Length;
}
