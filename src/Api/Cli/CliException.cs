namespace ShoppableVideo.Api.Cli;

/// <summary>A failure the user can fix (a missing file, an unknown id): the CLI prints the message alone.</summary>
public sealed class CliException(string message) : Exception(message);
