using System.Net;
using System.Text;

namespace ShoppableVideo.Aws.Tests.Client;

/// <summary>Answers each request with the next of a list of canned answers (the last repeats) and keeps
/// what was sent, bodies read while they still can be.</summary>
public sealed class ReplayingHandler(params (HttpStatusCode Status, string Body, string? ContentType, (string Name, string Value)[] Headers)[] answers)
    : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Add((request, body));
        var (status, text, contentType, headers) = answers[Math.Min(Sent.Count - 1, answers.Length - 1)];
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, contentType ?? "text/plain") };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}
