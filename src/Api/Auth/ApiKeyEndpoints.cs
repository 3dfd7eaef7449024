namespace ShoppableVideo.Api.Auth;

/// <summary>Conventions that mark endpoints for <see cref="ApiKeyFilter.UseApiKeys"/>.</summary>
public static class ApiKeyEndpoints
{
    /// <summary>Every mutating endpoint: needs a key with the write scope.</summary>
    public static TBuilder RequireWriteKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresApiKey(ApiScopes.Write));

    /// <summary>Read endpoints: public unless configuration asks for a read key.</summary>
    public static TBuilder AllowReads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadsAllowed());
}

/// <summary>Endpoint metadata: a read, which needs a read key only where configuration asks for one.</summary>
public sealed record ReadsAllowed;
