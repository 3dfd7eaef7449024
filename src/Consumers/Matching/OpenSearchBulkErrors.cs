using System.Net;
using System.Text.Json;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>A _bulk request answers 200 even when its items fail ("errors": true, each failed item with its
/// own status and error), so the signed client cannot see those failures: they are raised here, in the same
/// exception family, a rejected item (429 es_rejected_execution_exception) as throttling so the message is
/// retried later.</summary>
static class OpenSearchBulkErrors
{
    public static void ThrowIfAny(JsonElement answer)
    {
        if (!answer.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.True)
            return;
        foreach (var item in answer.GetProperty("items").EnumerateArray())
            foreach (var action in item.EnumerateObject())
            {
                if (!action.Value.TryGetProperty("error", out var error))
                    continue;
                var status = (HttpStatusCode)action.Value.GetProperty("status").GetInt32();
                var type = error.StringOrNull("type") ?? "unknown";
                var reason = error.StringOrNull("reason") ?? "no reason given";
                throw status switch
                {
                    HttpStatusCode.TooManyRequests => new AwsThrottlingException("es", status, type, reason),
                    HttpStatusCode.NotFound => new AwsResourceNotFoundException("es", status, type, reason),
                    HttpStatusCode.BadRequest => new AwsInvalidRequestException("es", status, type, reason),
                    _ => new AwsServiceException("es", status, type, reason),
                };
            }
    }
}
