namespace ShoppableVideo.Messages;

/// <summary>A complete object appeared in the videos bucket. VideoId is derived from the object's
/// identity (bucket, key, size, content hash), so a repeated event names the same saga.</summary>
public record VideoObjectCreated(Guid VideoId, StoredObject Video);

/// <summary>A catalog manifest (CSV or JSON) appeared in the catalog bucket.</summary>
public record CatalogManifestCreated(Guid BatchId, StoredObject Manifest);
