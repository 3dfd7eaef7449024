using System.Text.Json.Nodes;

namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>Compares JSON structurally: property order and whitespace do not matter, values and types do.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nexpected: {e?.ToJsonString()}\nactual:   {a?.ToJsonString()}");
    }

    public static void Equal(JsonNode expected, string? actual) => Equal(expected.ToJsonString(), actual);
}
