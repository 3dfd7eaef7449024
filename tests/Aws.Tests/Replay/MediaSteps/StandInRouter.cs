namespace ShoppableVideo.Aws.Tests.Replay.MediaSteps;

/// <summary>Hands each request to the stand-in of the service whose endpoint host it names, so one signed
/// client (as the worker has) reaches every stand-in.</summary>
public sealed class StandInRouter(IReadOnlyDictionary<string, HttpMessageHandler> byHost) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        byHost.TryGetValue(request.RequestUri!.Host, out var standIn)
            ? new HttpMessageInvoker(standIn, disposeHandler: false).SendAsync(request, cancellationToken)
            : throw new InvalidOperationException($"no stand-in answers {request.RequestUri}");
}
