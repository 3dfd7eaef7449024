namespace ShoppableVideo.Api.Hosting;

/// <summary>Headers every response carries, so a page served here runs only this API's own script and
/// style, a browser never guesses a content type, and a link followed from the player tells the shop
/// only which site it came from.</summary>
public static class SecurityHeaders
{
    /// <summary>Script, style, media and API calls from this origin only; no inline script or style
    /// element, no plugins, no foreign base or form target. Product photos may come from a shop's https
    /// host. Framing is left open: the player is meant to be embedded in a shop's pages.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; media-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        return next(context);
    });
}
