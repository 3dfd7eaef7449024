namespace ShoppableVideo.Api.Cli;

/// <summary>The few options the host takes: a verb, positional files and --name value pairs.</summary>
public sealed record CommandLine(string Verb, IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Options)
{
    public static CommandLine Parse(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith("--") ? args[0] : "serve";
        var files = new List<string>();
        var options = new Dictionary<string, string>();
        for (var i = verb == "serve" && (args.Length == 0 || args[0].StartsWith("--")) ? 0 : 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--") && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else
                files.Add(args[i]);
        }
        return new CommandLine(verb, files, options);
    }

    public string Option(string name, string fallback) => Options.GetValueOrDefault(name, fallback);
}
