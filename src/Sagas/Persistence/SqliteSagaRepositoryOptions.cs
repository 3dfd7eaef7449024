using System.Text.Json;

namespace ShoppableVideo.Sagas.Persistence;

public sealed class SqliteSagaRepositoryOptions<TSaga>
    where TSaga : class
{
    /// <summary>
    /// Value of the saga_type column. Defaults to the class name; set it explicitly before renaming the
    /// class, or stored instances become invisible.
    /// </summary>
    public string SagaType { get; set; } = typeof(TSaga).Name;

    /// <summary>
    /// Reads the state name stored in current_state, which the status API and the resume scan filter on.
    /// Defaults to a public string property named CurrentState, the usual InstanceState target.
    /// </summary>
    public Func<TSaga, string?> StateOf { get; set; } = StatePropertyReader("CurrentState");

    public JsonSerializerOptions JsonOptions { get; set; } = SagaDocuments.DefaultJsonOptions();

    public static Func<TSaga, string?> StatePropertyReader(string propertyName) =>
        SagaDocuments.StatePropertyReader<TSaga>(propertyName);
}
