using System.Text.Json;

namespace ShoppableVideo.Sagas.Persistence;

public sealed class DynamoDbSagaRepositoryOptions<TSaga>
    where TSaga : class
{
    public string TableName { get; set; } = DynamoDbSettings.DefaultSagaTable;

    /// <summary>
    /// The sort key value. Defaults to the class name; set it explicitly before renaming the class, or
    /// stored instances become invisible.
    /// </summary>
    public string SagaType { get; set; } = typeof(TSaga).Name;

    /// <summary>Reads the state name stored beside the JSON, which listing filters on.</summary>
    public Func<TSaga, string?> StateOf { get; set; } = SagaDocuments.StatePropertyReader<TSaga>("CurrentState");

    public JsonSerializerOptions JsonOptions { get; set; } = SagaDocuments.DefaultJsonOptions();

    /// <summary>The state names after which the saga does nothing more (the machine's FinalStates).</summary>
    public IReadOnlyCollection<string> FinalStates { get; set; } = [];

    /// <summary>
    /// How long a saga in one of <see cref="FinalStates"/> is kept before DynamoDB's TTL removes it; null keeps
    /// it forever. The status API reads finished sagas, so this is a retention period, not a clean-up.
    /// </summary>
    public TimeSpan? FinishedTimeToLive { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
