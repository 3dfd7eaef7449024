using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShoppableVideo.Api.Auth;

namespace ShoppableVideo.Api.OpenApi;

/// <summary>Declares the API-key scheme and marks each operation that needs a key, with the 401 and
/// 403 answers it can give, so generated clients send the header where it is needed.</summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "An API key; the service stores only its SHA-256. Mutating endpoints need the write scope.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKey>().Any())
            return Task.CompletedTask;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key was sent." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key is unknown or lacks the write scope." });
        return Task.CompletedTask;
    }
}
