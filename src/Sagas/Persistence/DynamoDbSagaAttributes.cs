namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// The attribute names of a saga item. The CDK stack and <see cref="DynamoDbTables"/> create the key schema
/// from the same names, so they live in one place.
/// </summary>
public static class DynamoDbSagaAttributes
{
    /// <summary>Partition key: the correlation id, formatted "D" like the SQLite key.</summary>
    public const string PartitionKey = "PK";

    /// <summary>
    /// Sort key: the saga type name, constant for one repository. A constant rather than a literal such as
    /// "saga" so that saga types can share a table without two types with the same id overwriting each other.
    /// </summary>
    public const string SortKey = "SK";

    public const string State = "State";
    public const string Data = "Data";
    public const string Version = "Version";
    public const string UpdatedAt = "UpdatedAt";

    /// <summary>The table's time-to-live attribute: epoch seconds, present only on finished sagas.</summary>
    public const string ExpiresAt = "ExpiresAt";
}
