namespace ShoppableVideo.Consumers.Intake;

/// <summary>One record of an S3 event notification: what happened ("ObjectCreated:Put"), to which bucket
/// and object (the key already URL-decoded), its size and its ETag (without quotes).</summary>
public sealed record S3ObjectRecord(string EventName, string Bucket, string Key, long Size, string ETag)
{
    public bool IsObjectCreated => EventName.StartsWith("ObjectCreated:", StringComparison.Ordinal);
}
