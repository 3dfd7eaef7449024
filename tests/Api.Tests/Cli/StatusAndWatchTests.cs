namespace ShoppableVideo.Api.Tests.Cli;

public class StatusAndWatchTests(ProcessedVideoFolder folder) : IClassFixture<ProcessedVideoFolder>
{
    string Data => folder.Host.Data.Root;

    [Fact]
    public async Task Status_lists_a_processed_video_as_completed_with_its_key()
    {
        var result = await CliRun.RunAsync("status", "--data", Data);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n'), l => l.Contains(folder.Video.Id.ToString("N")));
        Assert.Contains("bars.mp4", line);
        Assert.Contains("Completed", line);
    }

    [Fact]
    public async Task Status_of_a_video_id_shows_each_step_with_its_attempts_and_the_document_key()
    {
        var result = await CliRun.RunAsync("status", folder.Video.Id.ToString("N"), "--data", Data);

        Assert.Equal(0, result.ExitCode);
        foreach (var step in (string[])["Probe", "ExtractFrames", "DetectSegments", "AnalyzeFrames", "PublishMetadata"])
            Assert.Contains(step, result.Output);
        Assert.Contains("attempts", result.Output);
        Assert.Contains(folder.Video.DocumentKey!, result.Output);
    }

    [Fact]
    public async Task Status_through_the_rest_api_lists_and_details_what_the_server_knows_without_its_data_folder()
    {
        var api = folder.Host.Http.BaseAddress!.ToString();

        var list = await CliRun.RunAsync("status", "--api", api, "--data", CliRun.NewFolder());
        var details = await CliRun.RunAsync("status", folder.Video.Id.ToString("N"), "--api", api);

        Assert.Equal((0, 0), (list.ExitCode, details.ExitCode));
        var line = Assert.Single(list.Output.Split('\n'), l => l.Contains(folder.Video.Id.ToString("N")));
        Assert.Contains("bars.mp4", line);
        Assert.Contains("Completed", line);
        foreach (var step in (string[])["Probe", "ExtractFrames", "DetectSegments", "AnalyzeFrames", "PublishMetadata"])
            Assert.Contains(step, details.Output);
        Assert.Contains(folder.Video.DocumentKey!, details.Output);
    }

    [Fact]
    public async Task Watch_through_the_rest_api_until_idle_ends_when_nothing_runs()
    {
        var result = await CliRun.RunAsync("watch", "--until-idle", "--api", folder.Host.Http.BaseAddress!.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing is running", result.Output);
    }

    [Fact]
    public async Task Status_through_an_api_nobody_serves_exits_1_naming_it()
    {
        var result = await CliRun.RunAsync("status", "--api", "http://127.0.0.1:9/");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach http://127.0.0.1:9/", result.Output);
    }

    [Fact]
    public async Task Status_of_an_unknown_id_exits_1_saying_there_is_no_such_saga()
    {
        var unknown = Guid.NewGuid().ToString("N");

        var result = await CliRun.RunAsync("status", unknown, "--data", Data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no video or catalog batch with id {unknown}", result.Output);
    }

    [Fact]
    public async Task Status_of_something_that_is_not_an_id_exits_1_saying_so()
    {
        var result = await CliRun.RunAsync("status", "bars.mp4", "--data", Data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'bars.mp4' is not an id", result.Output);
    }

    [Fact]
    public async Task Status_on_a_folder_without_a_database_exits_1_saying_so()
    {
        var empty = CliRun.NewFolder();

        var result = await CliRun.RunAsync("status", "--data", empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no database", result.Output);
        Assert.False(File.Exists(Path.Combine(empty, "shoppable.db")));
        Directory.Delete(empty);
    }

    [Fact]
    public async Task Watch_until_idle_on_a_folder_where_everything_finished_exits_at_once()
    {
        var result = await CliRun.RunAsync("watch", "--until-idle", "--interval", "0.2", "--data", Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing is running", result.Output);
    }

    // open reads where status reads, so it shares this processed folder.

    [Fact]
    public async Task Open_prints_the_player_url_on_the_address_serve_listens_on_by_default()
    {
        var result = await CliRun.RunAsync("open", folder.Video.Id.ToString("N"), "--data", Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"http://127.0.0.1:5080/player/{folder.Video.Id:N}", result.Output.Trim());
    }

    [Fact]
    public async Task Open_through_the_rest_api_prints_that_servers_player_url_which_serves_the_player()
    {
        var api = folder.Host.Http.BaseAddress!.ToString();

        var result = await CliRun.RunAsync("open", folder.Video.Id.ToString("N"), "--api", api);

        Assert.Equal(0, result.ExitCode);
        var url = result.Output.Trim();
        Assert.Equal($"{api.TrimEnd('/')}/player/{folder.Video.Id:N}", url);
        using var player = await folder.Host.Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, player.StatusCode);
    }

    [Fact]
    public async Task Open_of_an_unknown_id_exits_1_saying_there_is_no_such_video()
    {
        var unknown = Guid.NewGuid().ToString("N");

        var local = await CliRun.RunAsync("open", unknown, "--data", Data);
        var remote = await CliRun.RunAsync("open", unknown, "--api", folder.Host.Http.BaseAddress!.ToString());

        Assert.Equal((1, 1), (local.ExitCode, remote.ExitCode));
        Assert.Contains($"error: no video with id {unknown}", local.Output);
        Assert.Contains($"error: no video with id {unknown}", remote.Output);
    }
}
