namespace ShoppableVideo.Consumers.Storage;

/// <summary>A presigned PUT: the URL and the headers the PUT must send exactly as given, because the
/// signature covers them.</summary>
public sealed record PresignedUpload(Uri Url, IReadOnlyDictionary<string, string> Headers);
