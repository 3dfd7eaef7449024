using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>Signs each attempt with SigV4 (credentials from AWSSDK.Core), retries throttling, 429, 5xx and
/// dropped connections through a Polly retry (exponential backoff with jitter), and turns the final error
/// answer into a typed <see cref="AwsServiceException"/>. An <see cref="HttpRequestMessage"/> cannot be sent
/// twice, so the caller's request is read once (its body buffered) and each attempt, inside the retried
/// callback, makes a fresh copy and signs it with the credentials and time of that attempt.</summary>
public sealed class SignedAwsHttpClient(HttpClient http, AwsClientOptions options, ILogger<SignedAwsHttpClient> logger,
    TimeProvider? time = null) : IAwsHttpClient
{
    // The SDK's own default chain (environment, profile, web identity, container, instance metadata),
    // resolved once: the credentials object refreshes itself when it holds temporary credentials.
    readonly Lazy<AWSCredentials> credentials = new(() =>
        options.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null));

    /// <summary>The clock requests are signed with and retries wait on; a test's own in the tests.</summary>
    readonly TimeProvider clock = time ?? TimeProvider.System;

    readonly ResiliencePipeline retry = RetryPipeline(options, logger, time ?? TimeProvider.System);

    public async Task<HttpResponseMessage> SendAsync(AwsService service, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var template = await BufferedRequest.FromAsync(request, cancellationToken);
        request.Dispose();
        var context = ResilienceContextPool.Shared.Get(service.SigningName, cancellationToken);
        try
        {
            return await retry.ExecuteAsync(
                static (context, state) => state.Client.AttemptAsync(state.Service, state.Template, context.CancellationToken),
                context, (Client: this, Service: service, Template: template));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: a fresh copy of the request, signed now, sent; a non-2xx answer is thrown as its
    /// typed error for the retry to judge.</summary>
    async ValueTask<HttpResponseMessage> AttemptAsync(AwsService service, BufferedRequest template, CancellationToken cancellationToken)
    {
        using var copy = template.Create();
        await SignAsync(service, copy, template.Body, cancellationToken);
        var response = await http.SendAsync(copy, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode)
            return response;
        var error = await ErrorOfAsync(service, response, cancellationToken);
        response.Dispose();
        throw error;
    }

    /// <summary>Up to <see cref="AwsClientOptions.MaxAttempts"/> attempts; the delays grow exponentially from
    /// <see cref="AwsClientOptions.BackoffBase"/> up to <see cref="AwsClientOptions.BackoffCap"/>, with jitter so
    /// a crowd of throttled clients spreads apart rather than retrying in lock step.</summary>
    static ResiliencePipeline RetryPipeline(AwsClientOptions options, ILogger logger, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<AwsServiceException>(AwsErrorParser.IsRetryable),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BackoffBase,
                MaxDelay = options.BackoffCap,
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is AwsServiceException error ? error.ErrorCode : args.Outcome.Exception?.Message;
                    logger.LogDebug("{Service}: attempt {Attempt} failed ({Reason}); retrying in {Delay} ms",
                        args.Context.OperationKey, args.AttemptNumber + 1, reason, (int)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        return builder.Build();
    }

    async Task SignAsync(AwsService service, HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        var identity = await credentials.Value.GetCredentialsAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var signedAt = clock.GetUtcNow().UtcDateTime;
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
