using System.Text.Json;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The body a mirror task state sends to the mirror queue:
/// <c>{"TaskToken": "…", "SagaId": "…", "Step": "Probe", "Saga": "VideoProcessing"}</c>.</summary>
public sealed record MirrorTaskMessage(string TaskToken, Guid SagaId, string Step, string Saga)
{
    /// <returns>null when the body is not such a message (it names why in <paramref name="problem"/>).</returns>
    public static MirrorTaskMessage? Parse(string body, out string? problem)
    {
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = Text(root, "TaskToken");
            var step = Text(root, "Step");
            var saga = Text(root, "Saga");
            if (token is null || step is null || saga is null || !Guid.TryParse(Text(root, "SagaId"), out var sagaId))
            {
                problem = "it lacks one of TaskToken, SagaId (a GUID), Step and Saga";
                return null;
            }
            return new MirrorTaskMessage(token, sagaId, step, saga);
        }
        catch (JsonException e)
        {
            problem = $"it is not JSON: {e.Message}";
            return null;
        }
    }

    static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
