using System.Net;
using System.Text;

namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>A local HTTP handler that answers with scripted responses, in order, and records every request
/// it was sent. No network, no server: the documented request and response bodies are the test data.</summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    readonly Queue<ReplayAnswer> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ReplayHandler Answer(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        _answers.Enqueue(new ReplayAnswer(status, body, contentType, headers));
        return this;
    }

    public ReplayHandler Answer(string body) => Answer(HttpStatusCode.OK, body);

    public int Unanswered => _answers.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers, body));

        if (!_answers.TryDequeue(out var answer))
            throw new InvalidOperationException($"no scripted answer left for {request.Method} {request.RequestUri}");
        var response = new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(answer.Body, Encoding.UTF8, answer.ContentType),
            RequestMessage = request,
        };
        foreach (var (name, value) in answer.Headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    sealed record ReplayAnswer(HttpStatusCode Status, string Body, string ContentType, (string Name, string Value)[] Headers);
}

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
