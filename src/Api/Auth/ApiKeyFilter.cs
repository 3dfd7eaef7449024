namespace ShoppableVideo.Api.Auth;

/// <summary>Guards endpoints with an API key in the <c>X-Api-Key</c> header (or <c>Authorization: Bearer</c>).
/// No key: 401. A key that matches nothing, or lacks the scope: 403. It runs as middleware once routing has
/// chosen the endpoint and before the endpoint binds its parameters, so a caller without a key hears 401,
/// not what was wrong with a body it may not send at all.</summary>
public static class ApiKeyFilter
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The scope the chosen endpoint needs, from its metadata: write where any convention asked for
    /// it (<see cref="RequiresApiKey"/>), read where the group allows reads; none for probes and documents.</summary>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var metadata = http.GetEndpoint()?.Metadata;
        var scope = metadata?.GetOrderedMetadata<RequiresApiKey>().Any(k => k.Scope == ApiScopes.Write) == true ? ApiScopes.Write
            : metadata?.GetMetadata<ReadsAllowed>() is not null ? ApiScopes.Read
            : null;
        if (scope is not null && Refusal(http, scope) is { } refusal)
            await refusal.ExecuteAsync(http);
        else
            await next(http);
    });

    static IResult? Refusal(HttpContext http, string scope)
    {
        var verifier = http.RequestServices.GetRequiredService<ApiKeyVerifier>();
        if (scope == ApiScopes.Read && !verifier.Options.RequireKeyForReads)
            return null;

        var presented = PresentedKey(http.Request);
        if (string.IsNullOrEmpty(presented))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send a key in the {HeaderName} header.");
        }
        var entry = verifier.Find(presented);
        if (entry is null)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "API key not accepted",
                detail: "The key matches no configured key.");
        if (!entry.Allows(scope))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "API key lacks a scope",
                detail: $"The key '{entry.Name}' does not have the '{scope}' scope.");
        http.Items[typeof(ApiKeyEntry)] = entry;
        return null;
    }

    /// <summary>The name of the key that authorised this request, to record who did what.</summary>
    public static string CallerName(HttpContext http) =>
        http.Items.TryGetValue(typeof(ApiKeyEntry), out var entry) && entry is ApiKeyEntry key ? key.Name : "anonymous";

    static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key))
            return key.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
