namespace ShoppableVideo.Api.Auth;

/// <summary>Guards an endpoint with an API key in the <c>X-Api-Key</c> header (or
/// <c>Authorization: Bearer</c>). No key: 401. A key that matches nothing, or lacks the scope: 403.</summary>
public sealed class ApiKeyFilter(string scope) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var verifier = http.RequestServices.GetRequiredService<ApiKeyVerifier>();
        if (scope == ApiScopes.Read && !verifier.Options.RequireKeyForReads)
            return await next(context);

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
        return await next(context);
    }

    static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key))
            return key.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
