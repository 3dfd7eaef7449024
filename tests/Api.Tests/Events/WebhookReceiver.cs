using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Api.Events.Webhooks;

namespace ShoppableVideo.Api.Tests.Events;

/// <summary>A real webhook receiver on a loopback port, as a subscriber would run one: it answers the
/// handshake by echoing the challenge and records every delivery with its headers and exact body.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    int deliveryRequests;
    int finishedDeliveries;

    WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>False: the handshake is answered 200 without the challenge.</summary>
    public bool EchoesHandshake { get; init; } = true;

    /// <summary>Given the 1-based number of the delivery request, the status to answer with.</summary>
    public Func<int, int> Answer { get; init; } = _ => StatusCodes.Status200OK;

    /// <summary>Held before answering each delivery, to play a slow subscriber.</summary>
    public TimeSpan Delay { get; init; }

    public Uri Url { get; private set; } = null!;
    public ConcurrentQueue<ReceivedDelivery> Deliveries { get; } = new();
    public int DeliveryRequests => Volatile.Read(ref deliveryRequests);
    public int FinishedDeliveries => Volatile.Read(ref finishedDeliveries);

    public static async Task<WebhookReceiver> StartAsync(bool echoesHandshake = true, Func<int, int>? answer = null,
        TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // A sleeping handler is cut off at once on stop rather than waited for.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app)
        {
            EchoesHandshake = echoesHandshake,
            Answer = answer ?? (_ => StatusCodes.Status200OK),
            Delay = delay,
        };
        app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    async Task<IResult> HandleAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted);
        if (http.Request.Headers.TryGetValue(WebhookHeaders.Handshake, out var challenge))
            return Results.Text(EchoesHandshake ? challenge.ToString() : "ok");

        var number = Interlocked.Increment(ref deliveryRequests);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, http.RequestAborted);
        var status = Answer(number);
        Deliveries.Enqueue(new ReceivedDelivery(
            http.Request.Headers[WebhookHeaders.Event].ToString(),
            http.Request.Headers[WebhookHeaders.Delivery].ToString(),
            http.Request.Headers[WebhookHeaders.Timestamp].ToString(),
            http.Request.Headers[WebhookHeaders.Signature].ToString(),
            body,
            status));
        Interlocked.Increment(ref finishedDeliveries);
        return Results.StatusCode(status);
    }

    /// <summary>Stops listening: the port then refuses connections, as a dead subscriber's would.</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
