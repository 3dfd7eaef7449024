using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The REST-JSON protocol (MediaConvert, OpenSearch): the operation is the method and the path,
/// the input a JSON body, the answer JSON; errors name themselves in the x-amzn-ErrorType header.</summary>
public static class AwsRestJsonProtocol
{
    /// <param name="pathAndQuery">relative to the service's endpoint, e.g. "/2017-08-29/jobs/123" (already
    /// URI-encoded segment by segment).</param>
    public static async Task<JsonObject> SendRestJsonAsync(this IAwsHttpClient client, AwsService service, HttpMethod method,
        string pathAndQuery, JsonNode? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(service.Endpoint, pathAndQuery));
        if (body is not null)
            request.Content = AwsJsonProtocol.JsonContent(body, "application/json");
        using var response = await client.SendAsync(service, request, cancellationToken);
        return await AwsJsonProtocol.ReadJsonAsync(response, cancellationToken);
    }
}
