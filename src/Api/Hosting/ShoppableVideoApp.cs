using ShoppableVideo.Api.Endpoints;

namespace ShoppableVideo.Api.Hosting;

/// <summary>Builds the web host around the embedded profile. Tests and the CLI build it the same way.</summary>
public static class ShoppableVideoApp
{
    public static WebApplication Build(EmbeddedSettings settings, string[]? args = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        if (urls is not null)
            builder.WebHost.UseUrls(urls);
        builder.Services.AddEmbeddedProfile(settings);
        var app = builder.Build();
        app.MapStatusEndpoints();
        return app;
    }
}
