namespace ShoppableVideo.Sagas.Artifacts;

/// <summary>One indexed artifact. <see cref="Key"/> is the object-store key or a stable id within the owner.</summary>
public sealed record ArtifactEntry(string OwnerId, string Kind, string Key, string? AttributesJson, DateTimeOffset CreatedAt);
