using ShoppableVideo.Api.Cli;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Cli;

public sealed class ProcessCommandTests : IDisposable
{
    readonly string folder = CliRun.NewFolder();

    [Fact]
    public async Task Processing_a_small_generated_video_prints_its_shot_table_and_the_player_url()
    {
        var video = Path.Combine(folder, "bars.mp4");
        Ffmpeg.Generate(video, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "mpeg4");
        var id = ObjectEvents.SagaIdFor(new StoredObject(Buckets.Videos, "bars.mp4", new FileInfo(video).Length,
            await ContentHash.OfFileAsync(video)));

        var result = await CliRun.RunAsync("process", video, "--data", Path.Combine(folder, "data"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"video bars.mp4 ({id:N}): Completed", result.Output);
        Assert.Contains("│ shot │", result.Output);
        Assert.Contains("0.00–2.00", result.Output);
        Assert.Contains(ProcessCommand.PlayerUrl(id), result.Output);
        Assert.Contains("serve", result.Output);
    }

    [Fact]
    public async Task Processing_a_text_file_named_mp4_exits_1_and_prints_the_reason()
    {
        var notes = Path.Combine(folder, "notes.mp4");
        File.WriteAllText(notes, "this is a text file, not a video\n");

        var result = await CliRun.RunAsync("process", notes, "--data", Path.Combine(folder, "data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("video notes.mp4", result.Output);
        Assert.Contains("Failed", result.Output);
        Assert.Contains("ffprobe could not read the file", result.Output);
        Assert.DoesNotContain("/player/", result.Output);
    }

    [Fact]
    public async Task Processing_a_file_that_does_not_exist_exits_1_before_starting_anything()
    {
        var result = await CliRun.RunAsync("process", Path.Combine(folder, "missing.mp4"), "--data", Path.Combine(folder, "data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such file", result.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
