using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>An S3 object as a HEAD request shows it: its identity (the ETag, as intake sees it) and the
/// SHA-256 an upload recorded with it, null for objects written any other way.</summary>
public sealed record S3ObjectHead(StoredObject Object, string? ContentHash);
