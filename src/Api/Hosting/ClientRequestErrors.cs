namespace ShoppableVideo.Api.Hosting;

/// <summary>Kestrel reports a broken request body (longer than the endpoint's limit, arriving too slowly,
/// cut off), and minimal APIs a parameter that does not bind, by throwing <see cref="BadHttpRequestException"/>.
/// That is the client's error, with its own status (413, 408, 400), not the server's 500, and every such answer,
/// like a request for a route nothing serves, says in its detail what to change.</summary>
public static class ClientRequestErrors
{
    /// <summary>A client's error is not the server's: the exception handler does not log it as one.</summary>
    public static bool IsClientError(Exception exception) => exception is BadHttpRequestException;

    /// <summary>The detail of a problem no endpoint wrote: a route nothing serves, a method it does not take,
    /// a body of a type the endpoint does not read (minimal APIs answer that 415 without a word).</summary>
    public static string? DetailFor(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound when http.GetEndpoint() is null =>
            $"nothing is served at {http.Request.Method} {http.Request.Path}; the API is described at /openapi/v1.json",
        StatusCodes.Status405MethodNotAllowed =>
            $"{http.Request.Path} does not take {http.Request.Method}; the API is described at /openapi/v1.json",
        StatusCodes.Status415UnsupportedMediaType =>
            $"{http.Request.Method} {http.Request.Path} does not take a body of type '{http.Request.ContentType}'; " +
            "the API is described at /openapi/v1.json",
        _ => null,
    };

    public static int StatusCodeFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>What the problem's detail says for a broken body, or for the server's own failure (which
    /// never shows the exception: its message and stack are for the log); null for a problem an endpoint wrote.</summary>
    public static string? DetailFor(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "the request body is larger than this endpoint accepts",
            StatusCodes.Status408RequestTimeout => "the request body arrived too slowly and was cut off; send it again",
            _ => $"the request could not be read: {bad.Message}",
        },
        null => null,
        _ => ServerFailureDetail,
    };

    public const string ServerFailureDetail =
        "the server failed to answer this request; the error is logged under this problem's traceId";
}
