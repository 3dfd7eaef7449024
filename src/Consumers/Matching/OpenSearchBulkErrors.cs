using System.Net;
using System.Text.Json;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>A _bulk request answers 200 even when its items fail ("errors": true, each failed item with its
/// own status and error), so the signed client cannot see those failures: each item is read here, its error
/// in the same exception family, a rejected item (429 es_rejected_execution_exception) as throttling so the
/// message is retried later.</summary>
static class OpenSearchBulkErrors
{
    /// <summary>The outcome of the bulk's <paramref name="position"/>th action.</summary>
    public static BulkItem Item(JsonElement answer, int position)
    {
        var action = answer.GetProperty("items")[position].EnumerateObject().First().Value;
        var status = (HttpStatusCode)action.GetProperty("status").GetInt32();
        if (!action.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            return new BulkItem(action.StringOrNull("result"), null);
        var type = error.StringOrNull("type") ?? "unknown";
        var reason = error.StringOrNull("reason") ?? "no reason given";
        return new BulkItem(null, status switch
        {
            HttpStatusCode.TooManyRequests => new AwsThrottlingException("es", status, type, reason),
            HttpStatusCode.NotFound => new AwsResourceNotFoundException("es", status, type, reason),
            HttpStatusCode.BadRequest => new AwsInvalidRequestException("es", status, type, reason),
            _ => new AwsServiceException("es", status, type, reason),
        });
    }
}

/// <summary>Result: "created", "updated", "noop", "deleted", "not_found"; Error when the item failed.</summary>
sealed record BulkItem(string? Result, AwsServiceException? Error)
{
    /// <summary>The target alias does not exist: with require_alias the item fails instead of creating an index.</summary>
    public bool NoSuchAlias => Error?.ErrorCode == "index_not_found_exception";

    public bool DocumentMissing => Error?.ErrorCode == "document_missing_exception";

    public BulkItem ThrowIfFailed() => Error is null ? this : throw Error;
}
