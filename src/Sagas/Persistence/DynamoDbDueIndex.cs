namespace ShoppableVideo.Sagas.Persistence;

/// <summary>The webhook table's sparse index of pending deliveries by their next attempt: only items carrying
/// <see cref="Partition"/> are in it, so sent and failed deliveries leave it. Named here once, for the tables
/// created locally, the store that queries it and the CDK stack.</summary>
public static class DynamoDbDueIndex
{
    public const string Name = "Due";
    public const string Partition = "Due";
    public const string NextAttemptAt = "NextAttemptAt";
}
