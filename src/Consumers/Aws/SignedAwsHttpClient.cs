using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>Signs each attempt with SigV4 (credentials from AWSSDK.Core), retries throttling, 429, 5xx and
/// dropped connections with full-jitter exponential backoff, and turns the final error answer into a typed
/// <see cref="AwsServiceException"/>. An <see cref="HttpRequestMessage"/> cannot be sent twice, so the
/// caller's request is read once (its body buffered) and a fresh copy is signed and sent per attempt.</summary>
public sealed class SignedAwsHttpClient(HttpClient http, AwsClientOptions options, ILogger<SignedAwsHttpClient> logger) : IAwsHttpClient
{
    // The SDK's own default chain (environment, profile, web identity, container, instance metadata),
    // resolved once: the credentials object refreshes itself when it holds temporary credentials.
    readonly Lazy<AWSCredentials> credentials = new(() =>
        options.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null));

    /// <summary>Replaces the real clock for the signing tests; real requests sign with the current time.</summary>
    internal Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    public async Task<HttpResponseMessage> SendAsync(AwsService service, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var template = await BufferedRequest.FromAsync(request, cancellationToken);
        request.Dispose();
        for (var attempt = 1; ; attempt++)
        {
            using var copy = template.Create();
            await SignAsync(service, copy, template.Body, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(copy, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < options.MaxAttempts)
            {
                await BackOffAsync(service, attempt, e.Message, cancellationToken);
                continue;
            }
            if (response.IsSuccessStatusCode)
                return response;

            var error = await ErrorOfAsync(service, response, cancellationToken);
            response.Dispose();
            if (!AwsErrorParser.IsRetryable(error) || attempt >= options.MaxAttempts)
                throw error;
            await BackOffAsync(service, attempt, error.ErrorCode, cancellationToken);
        }
    }

    async Task SignAsync(AwsService service, HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        var identity = await credentials.Value.GetCredentialsAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var signedAt = DateTime.SpecifyKind(UtcNow(), DateTimeKind.Utc);
        var uri = request.RequestUri!;
        request.Headers.Host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Add("X-Amz-Date", signedAt.ToString(SigV4Signer.DateFormat, CultureInfo.InvariantCulture));
        if (identity.UseToken)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.Add("X-Amz-Security-Token", identity.Token);
        }
        var signed = new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query, SignedHeaders(request), body);
        request.Headers.TryAddWithoutValidation("Authorization",
            SigV4Signer.Authorization(signed, identity, service.Region, service.SigningName, signedAt));
    }

    // Everything the request carries is signed; Content-Length and User-Agent may be rewritten on the
    // way and are left out, as the SDKs do.
    static List<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
            if (!name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) && !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                headers.Add(new(name, string.Join(",", values)));
        if (request.Content is { } content)
            foreach (var (name, values) in content.Headers.NonValidated)
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    headers.Add(new(name, string.Join(",", values)));
        return headers;
    }

    async Task<AwsServiceException> ErrorOfAsync(AwsService service, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
            headers[name] = string.Join(",", values);
        return AwsErrorParser.Parse(service.SigningName, response.StatusCode, body, headers);
    }

    async Task BackOffAsync(AwsService service, int failedAttempts, string reason, CancellationToken cancellationToken)
    {
        var delay = AwsBackoff.Delay(failedAttempts, options.BackoffBase, options.BackoffCap, Random.Shared);
        logger.LogDebug("{Service}: attempt {Attempt} failed ({Reason}); retrying in {Delay} ms",
            service.SigningName, failedAttempts, reason, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, cancellationToken);
    }

    /// <summary>A request read once, from which identical fresh copies are made.</summary>
    sealed record BufferedRequest(HttpMethod Method, Uri Uri, List<KeyValuePair<string, string[]>> Headers,
        List<KeyValuePair<string, string[]>>? ContentHeaders, byte[] Body)
    {
        public static async Task<BufferedRequest> FromAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            return new BufferedRequest(request.Method,
                request.RequestUri ?? throw new ArgumentException("The request has no URI", nameof(request)),
                request.Headers.NonValidated.Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value])).ToList(),
                request.Content?.Headers.NonValidated
                    .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value])).ToList(),
                body);
        }

        public HttpRequestMessage Create()
        {
            var copy = new HttpRequestMessage(Method, Uri);
            foreach (var (name, values) in Headers)
                copy.Headers.TryAddWithoutValidation(name, values);
            if (ContentHeaders is not null)
            {
                copy.Content = new ByteArrayContent(Body);
                foreach (var (name, values) in ContentHeaders)
                    copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
            return copy;
        }
    }
}
