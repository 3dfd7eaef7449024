namespace ShoppableVideo.Api.Auth;

public static class ApiKeyEndpoints
{
    /// <summary>Every mutating endpoint: needs a key with the write scope.</summary>
    public static TBuilder RequireWriteKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(ApiScopes.Write)).WithMetadata(new RequiresApiKey(ApiScopes.Write));

    /// <summary>Read endpoints: public unless configuration asks for a read key.</summary>
    public static TBuilder AllowReads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(ApiScopes.Read));
}
