using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// How every saga repository turns an instance into its stored JSON and finds its current state name.
/// Shared so a saga written by the SQLite repository and one written by the DynamoDB repository are the
/// same document, and moving a deployment between profiles needs no conversion.
/// </summary>
public static class SagaDocuments
{
    public static JsonSerializerOptions DefaultJsonOptions() => new(JsonSerializerDefaults.General)
    {
        // Enum names survive reordering of enum members between releases; ordinals do not.
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Reads a public string property (the usual InstanceState target), or always null when the saga has none.
    /// </summary>
    public static Func<TSaga, string?> StatePropertyReader<TSaga>(string propertyName)
        where TSaga : class
    {
        var property = typeof(TSaga).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || property.PropertyType != typeof(string) || property.GetMethod is null)
            return static _ => null;

        return property.GetMethod.CreateDelegate<Func<TSaga, string?>>();
    }
}
