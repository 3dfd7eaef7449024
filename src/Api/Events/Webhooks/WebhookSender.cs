using System.Text;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Makes one signed delivery attempt and says how it went; never throws for the receiver's faults.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<WebhookSendResult> SendAsync(DueDelivery delivery, CancellationToken stopping)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookHeaders.Event, delivery.EventType);
        request.Headers.Add(WebhookHeaders.Delivery, delivery.Id.ToString("N"));
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(delivery.Secret, timestamp, delivery.Payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(WebhookHttpClient.Name)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookSendResult(code, null)
                : new WebhookSendResult(code, $"the receiver answered {code} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new WebhookSendResult(null, $"no answer within {options.Value.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new WebhookSendResult(null, WebhookErrors.Describe(e));
        }
    }
}
