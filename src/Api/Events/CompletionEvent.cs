using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShoppableVideo.Api.Events;

/// <summary>What SSE clients and webhook subscribers receive when a video or a catalog batch finishes.
/// One flat shape for every type so a receiver parses one document; fields that do not apply are left out.</summary>
public sealed record CompletionEvent(
    string Type,
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? VideoId = null,
    Guid? BatchId = null,
    string? Key = null,
    string? DocumentUrl = null,
    int? SegmentCount = null,
    string? Step = null,
    string? Reason = null,
    int? Ingested = null,
    int? Failed = null,
    int? Version = null)
{
    /// <summary>camelCase, nulls left out: the exact bytes webhook signatures cover.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CompletionEvent FromJson(string json) =>
        JsonSerializer.Deserialize<CompletionEvent>(json, Json) ?? throw new JsonException("empty completion event");
}
