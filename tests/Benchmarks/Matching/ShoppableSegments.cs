using System.Text.Json;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>Reads a shoppable document's segments. Fields that the document format is gaining (match,
/// confidence) are optional, so the benchmark scores documents from before and after the change. Pure.</summary>
public static class ShoppableSegments
{
    public static IReadOnlyList<DetectedShot> Read(JsonElement document) => document.GetProperty("segments").EnumerateArray()
        .Select(s => new DetectedShot(s.GetProperty("startSeconds").GetDouble(), s.GetProperty("endSeconds").GetDouble(),
            s.GetProperty("products").EnumerateArray().Select(Product).ToList()))
        .ToList();

    static ListedProduct Product(JsonElement p)
    {
        var score = p.GetProperty("score").GetDouble();
        var match = p.TryGetProperty("match", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        double? confidence = p.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
        return new ListedProduct(p.GetProperty("productId").GetString()!, score, match, confidence);
    }
}
