namespace ShoppableVideo.Api.Uploads;

/// <summary>A video container recognised by its first bytes, with the file extension that names it.</summary>
public sealed record VideoContainer(string Name, string Extension);
