using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The AWS JSON protocol (Rekognition, Step Functions): every operation is a POST
/// to "/" naming its operation in X-Amz-Target, with a JSON body and a JSON answer.</summary>
public static class AwsJsonProtocol
{
    /// <param name="target">"AWSStepFunctions.SendTaskSuccess", "RekognitionService.StartSegmentDetection" ...</param>
    /// <param name="version">"1.0" (Step Functions) or "1.1" (Rekognition)</param>
    public static async Task<JsonObject> SendJsonAsync(this IAwsHttpClient client, AwsService service, string target,
        JsonObject body, string version, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.Endpoint, "/"))
        {
            Content = JsonContent(body, $"application/x-amz-json-{version}"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        using var response = await client.SendAsync(service, request, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>The body as UTF-8 JSON under exactly the media type given (no charset parameter, which
    /// some AWS front ends refuse).</summary>
    public static ByteArrayContent JsonContent(JsonNode body, string mediaType)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>The answer's JSON object; an empty answer reads as an empty object.</summary>
    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }
}
