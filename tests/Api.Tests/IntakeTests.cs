using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

public class IntakeTests
{
    [SharedDataFact]
    public async Task A_file_written_slowly_into_the_bucket_is_picked_up_once_and_only_when_complete()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var bytes = File.ReadAllBytes(SharedData.Video(Fixtures.Fence));

        await using (var file = new FileStream(Path.Combine(host.VideosFolder, "slow.mp4"), FileMode.CreateNew))
        {
            await file.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await file.FlushAsync();
            await Task.Delay(300); // shorter than the settle time: the half file must not be announced
            await file.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        var status = await host.WaitForVideoAsync("slow.mp4", TimeSpan.FromMinutes(1));
        Assert.Equal("Completed", status.Status.State);
        Assert.Equal(bytes.Length, status.Video!.Size);
        await Task.Delay(1000); // let any late watcher event arrive
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

    static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "").Length) / value.Length;
}
