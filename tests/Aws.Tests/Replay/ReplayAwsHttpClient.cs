using System.Net;
using System.Text.Json;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>
/// A stand-in for the signed client, for the replay tests only: it does not sign. It keeps the rest of the
/// <see cref="IAwsHttpClient"/> contract as the adapters rely on it: throttling and 5xx answers are retried
/// (here at once, <see cref="Attempts"/> times in all), and error answers become the typed exceptions. The
/// error code is read where each protocol puts it: the JSON protocol's "__type" (after any '#'), the REST
/// protocol's X-Amzn-ErrorType header, OpenSearch's error.type. The real SignedAwsHttpClient is tested on
/// its own; what these tests pin is what the adapters send and how they read the answers.
/// </summary>
public sealed class ReplayAwsHttpClient(ReplayHandler handler, int attempts = 3) : IAwsHttpClient
{
    static readonly string[] ThrottlingCodes =
    [
        "ThrottlingException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "LimitExceededException", "es_rejected_execution_exception",
    ];

    readonly HttpClient _http = new(handler);

    public int Attempts => attempts;

    public async Task<HttpResponseMessage> SendAsync(AwsService service, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var header in request.Headers)
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body is not null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers)
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            var response = await _http.SendAsync(copy, cancellationToken);
            if (response.IsSuccessStatusCode)
                return response;

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var (code, message) = ErrorOf(response, text);
            var throttled = response.StatusCode == HttpStatusCode.TooManyRequests || ThrottlingCodes.Contains(code);
            if ((throttled || (int)response.StatusCode >= 500) && attempt < attempts)
                continue;
            throw Map(service.SigningName, response.StatusCode, code, message, throttled);
        }
    }

    static AwsServiceException Map(string service, HttpStatusCode status, string code, string message, bool throttled) =>
        throttled ? new AwsThrottlingException(service, status, code, message)
        : status == HttpStatusCode.NotFound || code == "ResourceNotFoundException" ? new AwsResourceNotFoundException(service, status, code, message)
        : status == HttpStatusCode.Forbidden || code.StartsWith("AccessDenied", StringComparison.Ordinal) ? new AwsAccessDeniedException(service, status, code, message)
        : status == HttpStatusCode.BadRequest ? new AwsInvalidRequestException(service, status, code, message)
        : new AwsServiceException(service, status, code, message);

    static (string Code, string Message) ErrorOf(HttpResponseMessage response, string text)
    {
        string? code = response.Headers.TryGetValues("X-Amzn-ErrorType", out var types) ? types.First().Split(':')[0] : null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("__type", out var type))
                code ??= type.GetString()!.Split('#')[^1];
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code ??= error.TryGetProperty("type", out var t) ? t.GetString() : null;
                message = error.TryGetProperty("reason", out var r) ? r.GetString() : null;
            }
            foreach (var name in new[] { "message", "Message" })
                if (message is null && root.TryGetProperty(name, out var m))
                    message = m.GetString();
        }
        catch (JsonException)
        {
        }
        return (code ?? response.StatusCode.ToString(), message ?? text);
    }
}
