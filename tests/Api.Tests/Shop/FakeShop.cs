using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Api.Tests.Shop;

/// <summary>A real shop API on a loopback port: <c>/api/products/{id}</c> answers at once (404 for ids
/// starting with "GONE"), <c>/slow/products/{id}</c> only after a minute, <c>/broken/…</c> with HTML
/// and <c>/moved/…</c> with a redirect to <c>/api/…</c>. It counts every request.</summary>
public sealed class FakeShop : IAsyncDisposable
{
    readonly RequestCounter counter;

    FakeShop(WebApplication app, RequestCounter counter)
    {
        App = app;
        this.counter = counter;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    WebApplication App { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public int Requests => Volatile.Read(ref counter.Count);

    public string Template(string path) => $"http://{BaseAddress.Host}:{BaseAddress.Port}{path}/{{id}}";

    public static async Task<FakeShop> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var counter = new RequestCounter();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref counter.Count);
            await next(context);
        });
        app.MapGet("/api/products/{id}", (string id) => id.StartsWith("GONE", StringComparison.Ordinal)
            ? Results.NotFound()
            : Results.Json(Product(id)));
        app.MapGet("/broken/products/{id}", () => Results.Text("<html>not json</html>", "application/json"));
        app.MapGet("/moved/products/{id}", (string id) => Results.Redirect($"/api/products/{Uri.EscapeDataString(id)}"));
        app.MapGet("/slow/products/{id}", async (string id, CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), ct);
            return Results.Json(Product(id));
        });
        await app.StartAsync();
        return new FakeShop(app, counter);
    }

    static object Product(string id) => new
    {
        id,
        name = $"Live {id}",
        price = 41.5m,
        currency = "EUR",
        rating = 4.5,
        availability = "in_stock",
        url = $"https://shop.example.com/p/{id}",
        images = new[] { $"https://cdn.example.com/{id}/1.jpg", "javascript:alert(1)" },
        warehouse = "unknown fields are ignored",
    };

    sealed class RequestCounter
    {
        public int Count;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
