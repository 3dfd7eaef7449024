using ShoppableVideo.Api.Cli;

return await new CommandLineApp(CliContext.ForConsole()).RunAsync(args);
