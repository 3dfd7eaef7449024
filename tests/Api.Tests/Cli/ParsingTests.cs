using ShoppableVideo.Api.Cli;

namespace ShoppableVideo.Api.Tests.Cli;

public class ParsingTests
{
    [Fact]
    public async Task An_unknown_verb_exits_non_zero_with_usage()
    {
        var result = await CliRun.RunAsync("procss", "video.mp4");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'procss'", result.Output);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public void The_arguments_WebApplicationFactory_passes_resolve_to_serve_and_reach_the_host_untouched()
    {
        string[] hostArguments = ["--contentRoot=/x", "--environment=Development", "--applicationName=ShoppableVideo.Api", "--Some:Key=Value"];

        var parse = CliRun.NewApp(new StringWriter()).Parse(hostArguments);

        Assert.Empty(parse.Errors);
        Assert.IsType<ServeCommand>(parse.CommandResult.Command);
        Assert.Equal(hostArguments, ServeCommand.HostArguments(parse));
    }

    [Fact]
    public void No_arguments_at_all_mean_serve()
    {
        var parse = CliRun.NewApp(new StringWriter()).Parse([]);

        Assert.Empty(parse.Errors);
        Assert.IsType<ServeCommand>(parse.CommandResult.Command);
    }

    [Fact]
    public void Serve_reads_its_own_options_and_leaves_the_rest_to_the_host()
    {
        var parse = CliRun.NewApp(new StringWriter()).Parse(["--data=/tmp/elsewhere", "--urls", "http://127.0.0.1:6000", "--Logging:LogLevel:Default", "Warning"]);

        Assert.Empty(parse.Errors);
        var serve = Assert.IsType<ServeCommand>(parse.CommandResult.Command);
        Assert.Equal("/tmp/elsewhere", parse.GetValue<string>("--data"));
        Assert.Equal("http://127.0.0.1:6000", parse.GetValue(serve.Urls));
        Assert.Equal(["--Logging:LogLevel:Default", "Warning"], ServeCommand.HostArguments(parse));
    }

    [Fact]
    public async Task Process_without_a_video_is_a_usage_error()
    {
        var result = await CliRun.RunAsync("process");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public async Task Usage_lines_name_the_program_as_run_sh_started_it()
    {
        var root = new StringWriter();
        var verb = new StringWriter();
        var error = new StringWriter();

        await CliRun.NewApp(root, "./run.sh").RunAsync(["--help"]);
        await CliRun.NewApp(verb, "./run.sh").RunAsync(["open", "--help"]);
        await CliRun.NewApp(error, "./run.sh").RunAsync(["procss"]);

        Assert.Contains("\n  ./run.sh [command] [options]", root.ToString());
        Assert.Contains("\n  ./run.sh open <id> [options]", verb.ToString());
        Assert.Contains("\n  ./run.sh [command] [options]", error.ToString());
        Assert.Contains("open <id>", root.ToString());
        Assert.DoesNotContain("ShoppableVideo.Api ", root.ToString() + verb + error);
    }
}
