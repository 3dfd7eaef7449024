using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>A subscriber's endpoint on 127.0.0.1: answers the subscription handshake with its challenge and
/// counts the deliveries it receives, by event type.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, int> received = new();
    readonly ConcurrentQueue<string> bodies = new();

    WebhookReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int Deliveries(string eventType) => received.GetValueOrDefault(eventType);

    /// <summary>Every delivery's body, as received.</summary>
    public IReadOnlyList<string> Bodies => [.. bodies];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            if (request.Headers["X-ShoppableVideo-Handshake"].FirstOrDefault() is { } challenge)
                return Results.Text(challenge);
            receiver.bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            receiver.received.AddOrUpdate(request.Headers["X-ShoppableVideo-Event"].FirstOrDefault() ?? "", 1, (_, n) => n + 1);
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
