using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Consumers.StepFunctions;

namespace ShoppableVideo.Api.Hosting;

/// <summary>Builds the web host around the embedded profile. The CLI, WebApplicationFactory tests and
/// in-process tests all build it the same way.</summary>
public static class ShoppableVideoApp
{
    /// <summary>Configuration key for the data folder; it wins over the settings' folder so a test host
    /// (WebApplicationFactory) can point the app at its own folder.</summary>
    public const string DataKey = "ShoppableVideo:Data";

    /// <summary>Configuration key choosing the profile: "embedded" (the default) or "aws".</summary>
    public const string ProfileKey = "ShoppableVideo:Profile";

    public static WebApplication Build(EmbeddedSettings settings, string[]? args = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        if (urls is not null)
            builder.WebHost.UseUrls(urls);
        if (builder.Configuration[DataKey] is { Length: > 0 } configuredData)
            settings = settings.WithData(DataDirectory.At(configuredData));
        var profile = builder.Configuration[ProfileKey] ?? EmbeddedProfile.Name;
        switch (profile)
        {
            case EmbeddedProfile.Name:
                builder.Services.AddEmbeddedProfile(settings);
                break;
            case AwsProfile.Name:
                builder.Services.AddAwsProfile(settings, builder.Configuration.GetSection(AwsSettings.Section).Get<AwsSettings>() ?? new(),
                    RabbitMqBusOptions.From(builder.Configuration),
                    builder.Configuration.GetSection(AwsProfile.StepFunctionsSection).Get<StepFunctionsMirrorOptions>() ?? new());
                break;
            default:
                throw new InvalidOperationException($"{ProfileKey} is '{profile}'; it must be '{EmbeddedProfile.Name}' or '{AwsProfile.Name}'");
        }
        builder.Services.AddShoppableApi(builder.Configuration);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ClientRequestErrors.StatusCodeFor,
            SuppressDiagnosticsCallback = context => ClientRequestErrors.IsClientError(context.Exception),
        });
        app.UseStatusCodePages();
        app.UseApiKeys();
        app.MapOpenApi();
        app.MapHealthEndpoints();

        // The read policy, once for every endpoint below (public unless configuration asks for a read
        // key); the mutating ones add RequireWriteKey on top.
        var api = app.MapGroup("").AllowReads();
        api.MapStatusEndpoints();
        api.MapShoppableEndpoints();
        api.MapProductEndpoints();
        api.MapReindexEndpoint();
        api.MapUploadEndpoints();
        api.MapMediaEndpoints();
        api.MapWebPageEndpoints();
        api.MapEventEndpoints();
        api.MapWebhookEndpoints();
        return app;
    }
}
