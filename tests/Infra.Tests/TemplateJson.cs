using System.Text.Json.Nodes;

namespace ShoppableVideo.Infra.Tests;

/// <summary>Reading CloudFormation's JSON: intrinsic references and the many shapes a policy statement takes.</summary>
public static class TemplateJson
{
    public static JsonNode Ref(string logicalId) => new JsonObject { ["Ref"] = logicalId };

    public static JsonNode GetAtt(string logicalId, string attribute) =>
        new JsonObject { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary>A scalar or an array, as IAM allows for Action and Resource.</summary>
    public static IReadOnlyList<JsonNode?> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.ToList(),
        _ => [node],
    };

    public static IEnumerable<string> Strings(JsonNode? node) =>
        Many(node).Where(item => item is JsonValue).Select(item => item!.GetValue<string>());

    public static IEnumerable<JsonObject> Statements(JsonNode? policyDocument) =>
        Many(policyDocument?["Statement"]).Select(statement => statement!.AsObject());

    /// <summary>Whether a reference (Ref, Fn::GetAtt or a Fn::Join around them) names the resource.</summary>
    public static bool Mentions(JsonNode? node, string logicalId) => node switch
    {
        JsonObject obj when obj["Ref"] is JsonValue reference => reference.GetValue<string>() == logicalId,
        JsonObject obj when obj["Fn::GetAtt"] is JsonArray attribute => (string?)attribute[0] == logicalId,
        JsonObject obj => obj.Any(property => Mentions(property.Value, logicalId)),
        JsonArray array => array.Any(item => Mentions(item, logicalId)),
        _ => false,
    };
}
