using System.Xml.Linq;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The AWS query protocol (SNS): a form-encoded POST naming
/// Action and Version, answered with XML.</summary>
public static class AwsQueryProtocol
{
    public static async Task<XDocument> SendQueryAsync(this IAwsHttpClient client, AwsService service, string action,
        string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        form.AddRange(parameters);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.Endpoint, "/"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        using var response = await client.SendAsync(service, request, cancellationToken);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The text of the first element with this local name, whatever its namespace.</summary>
    public static string? Value(this XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
