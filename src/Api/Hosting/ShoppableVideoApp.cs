using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;

namespace ShoppableVideo.Api.Hosting;

/// <summary>Builds the web host around the embedded profile. The CLI, WebApplicationFactory tests and
/// in-process tests all build it the same way.</summary>
public static class ShoppableVideoApp
{
    /// <summary>Configuration key for the data folder; it wins over the settings' folder so a test host
    /// (WebApplicationFactory) can point the app at its own folder.</summary>
    public const string DataKey = "ShoppableVideo:Data";

    public static WebApplication Build(EmbeddedSettings settings, string[]? args = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        if (urls is not null)
            builder.WebHost.UseUrls(urls);
        if (builder.Configuration[DataKey] is { Length: > 0 } configuredData)
            settings = settings.WithData(DataDirectory.At(configuredData));
        builder.Services.AddEmbeddedProfile(settings);
        builder.Services.AddShoppableApi(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();

        // The read policy, once for every endpoint below (public unless configuration asks for a read
        // key); the mutating ones add RequireWriteKey on top.
        var api = app.MapGroup("").AllowReads();
        api.MapStatusEndpoints();
        api.MapShoppableEndpoints();
        api.MapProductEndpoints();
        api.MapUploadEndpoints();
        api.MapPlayerEndpoints();
        api.MapEventEndpoints();
        api.MapWebhookEndpoints();
        return app;
    }
}
