using ShoppableVideo.Api.Cli;
using ShoppableVideo.Api.Hosting;

var command = CommandLine.Parse(args);
var settings = new EmbeddedSettings { Data = DataDirectory.At(command.Option("data", "data")) };

switch (command.Verb)
{
    case "serve":
        await ShoppableVideoApp.Build(settings, args, command.Option("urls", "http://127.0.0.1:5080")).RunAsync();
        return 0;
    case "process":
        var app = ShoppableVideoApp.Build(settings, args, command.Option("urls", "http://127.0.0.1:5080"));
        return await ProcessCommand.RunAsync(app, command.Options.GetValueOrDefault("catalog"), command.Files);
    default:
        Console.Error.WriteLine("usage: ShoppableVideo.Api [serve] [--data DIR] [--urls URL]");
        Console.Error.WriteLine("       ShoppableVideo.Api process VIDEO... [--catalog MANIFEST.csv] [--data DIR]");
        return 2;
}
