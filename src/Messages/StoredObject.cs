namespace ShoppableVideo.Messages;

/// <summary>An object in a bucket, identified the way intake de-duplicates it.</summary>
public record StoredObject(string Bucket, string Key, long Size, string ContentHash);
