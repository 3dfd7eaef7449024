using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>Reads an AWS error answer in whichever protocol it came: JSON (<c>__type</c> or <c>code</c>,
/// <c>message</c> or <c>Message</c>), REST-JSON (the <c>x-amzn-ErrorType</c> header), query/XML
/// (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>, or S3's bare <c>&lt;Error&gt;</c>), and turns
/// it into the typed exception its code and status call for.</summary>
public static class AwsErrorParser
{
    static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
        "ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded", "RequestTooManyRequests",
        "BandwidthLimitExceeded", "LimitExceededException", "TransactionInProgressException",
        "PriorRequestNotComplete", "EC2ThrottledException",
    };

    static readonly HashSet<string> NotFoundCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ResourceNotFoundException", "NotFound", "NotFoundException", "NoSuchKey", "NoSuchBucket",
        "StateMachineDoesNotExist", "ExecutionDoesNotExist", "index_not_found_exception",
    };

    static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "ExpiredToken",
        "ExpiredTokenException", "AuthorizationError", "InvalidSignatureException",
    };

    public static bool IsThrottling(string errorCode) => ThrottlingCodes.Contains(errorCode);

    /// <summary>True when another attempt may succeed: throttling, 429, and server errors.</summary>
    public static bool IsRetryable(AwsServiceException error) =>
        error is AwsThrottlingException || (int)error.Status >= 500;

    public static AwsServiceException Parse(string service, HttpStatusCode status, string body,
        IReadOnlyDictionary<string, string> headers)
    {
        var (code, message, requestId) = Read(body, headers);
        code = Normalize(code) ?? DefaultCode(status);
        message ??= string.IsNullOrWhiteSpace(body) ? status.ToString() : Truncate(body);
        requestId ??= headers.GetValueOrDefault("x-amzn-requestid") ?? headers.GetValueOrDefault("x-amz-request-id");

        if (ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests)
            return new AwsThrottlingException(service, status, code, message, requestId);
        if (NotFoundCodes.Contains(code) || status == HttpStatusCode.NotFound)
            return new AwsResourceNotFoundException(service, status, code, message, requestId);
        if (AccessDeniedCodes.Contains(code) || status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            return new AwsAccessDeniedException(service, status, code, message, requestId);
        if ((int)status is >= 400 and < 500)
            return new AwsInvalidRequestException(service, status, code, message, requestId);
        return new AwsServiceException(service, status, code, message, requestId);
    }

    static (string? Code, string? Message, string? RequestId) Read(string body, IReadOnlyDictionary<string, string> headers)
    {
        var headerType = headers.GetValueOrDefault("x-amzn-errortype");
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                return (headerType ?? String(root, "__type") ?? String(root, "code") ?? String(root, "Code")
                        ?? ErrorTypeOf(root),
                    String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage") ?? ReasonOf(root),
                    null);
            }
            catch (JsonException)
            {
            }
        }
        else if (trimmed.StartsWith('<'))
        {
            try
            {
                var xml = XDocument.Parse(body);
                var error = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                return (Child(error, "Code") ?? headerType, Child(error, "Message"),
                    xml.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value);
            }
            catch (System.Xml.XmlException)
            {
            }
        }
        return (headerType, null, null);
    }

    // "com.amazonaws.states#StateMachineDoesNotExist" and "ValidationException:http://internal..." both name one code.
    static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        var colon = code.IndexOf(':');
        return colon > 0 ? code[..colon] : code;
    }

    static string DefaultCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.Forbidden => "AccessDenied",
        _ => $"Http{(int)status}",
    };

    static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // OpenSearch answers {"error":{"type":"...","reason":"..."},"status":404}.
    static string? ErrorTypeOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) ? String(error, "type") : null;

    static string? ReasonOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) ? String(error, "reason") : null;

    static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    static string Truncate(string body) => body.Length <= 500 ? body : body[..500];
}
