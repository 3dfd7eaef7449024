using System.CommandLine;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>open ID</c>: the player URL of a processed video, on the server given with --api or on the
/// address <c>serve</c> listens on by default. The id is checked first, where <c>status</c> would read it,
/// so a typo is an error with its reason rather than a link to a 404.</summary>
public sealed class OpenCommand : Command
{
    public OpenCommand(CliContext context) : base("open", "Print the player URL of a video")
    {
        var id = new Argument<string>("id") { Description = "A video id, as status lists them" };
        Arguments.Add(id);
        Options.Add(context.Api);
        Options.Add(context.ApiKey);
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            var videoId = StatusCommand.ParseId(parse.GetValue(id)!);
            await using var sagas = context.SagaSource(parse);
            if (await sagas.FindVideoAsync(videoId, ct) is null)
                throw new CliException(await sagas.FindBatchAsync(videoId, ct) is null
                    ? $"no video with id {videoId:N}"
                    : $"{videoId:N} is a catalog batch, not a video: it has no player");
            context.Output.WriteLine(PlayerUrl(parse.GetValue(context.Api) ?? ServeCommand.DefaultUrl, videoId));
            return 0;
        }));
    }

    public static string PlayerUrl(string server, Guid videoId) => $"{server.TrimEnd('/')}/player/{videoId:N}";
}
