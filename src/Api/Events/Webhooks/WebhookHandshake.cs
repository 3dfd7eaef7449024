using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// Proves the subscriber wants our events before anything is sent to it (as eShop's webhooks do): a
/// POST carrying a random challenge in the <c>X-ShoppableVideo-Handshake</c> header and in the body
/// (<c>{"type":"webhook.handshake","challenge":…}</c>), which the receiver must answer with a 2xx whose
/// body is the challenge. A URL that merely accepts POSTs does not pass.
/// </summary>
public sealed class WebhookHandshake(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    /// <summary>Null when the receiver echoed the challenge, else why the handshake failed.</summary>
    public async Task<string?> FailureAsync(Uri url, CancellationToken ct)
    {
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(new { type = "webhook.handshake", challenge }),
            };
            request.Headers.Add(WebhookHeaders.Handshake, challenge);
            using var response = await clients.CreateClient(WebhookHttpClient.Name).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return $"the receiver answered {(int)response.StatusCode}";
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return body.Trim() == challenge ? null : "the receiver did not echo the challenge in its response body";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {options.Value.RequestTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return WebhookErrors.Describe(e);
        }
    }
}
