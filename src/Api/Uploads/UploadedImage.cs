namespace ShoppableVideo.Api.Uploads;

/// <summary>A catalog photo stored by an upload, as its header declared it.</summary>
public sealed record UploadedImage(string Key, long Size, string Format, int Width, int Height, bool AlreadyStored);
