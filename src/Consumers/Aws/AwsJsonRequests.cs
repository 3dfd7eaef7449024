using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The JSON round trip the REST and JSON-protocol services share: build an absolute request from the
/// service's endpoint, send it through the signed client, parse the answer. Absolute URIs leave the client
/// nothing to resolve.</summary>
public static class AwsJsonRequests
{
    public static HttpRequestMessage Json(AwsService service, HttpMethod method, string pathAndQuery, JsonNode? body,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri(service.Endpoint, pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        return request;
    }

    public static async Task<JsonElement> SendJsonAsync(this IAwsHttpClient client, AwsService service, HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await client.SendAsync(service, request, cancellationToken))
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(text))
                return default;
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }

    public static string? StringOrNull(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
