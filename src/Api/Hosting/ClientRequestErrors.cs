namespace ShoppableVideo.Api.Hosting;

/// <summary>Kestrel reports a broken request body (longer than the endpoint's limit, arriving too slowly,
/// cut off) by throwing <see cref="BadHttpRequestException"/> from the body read inside an endpoint. That is
/// the client's error, with its own status (413, 408, 400), not the server's 500.</summary>
public static class ClientRequestErrors
{
    public static int StatusCodeFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>What the problem's detail says for a broken body; null leaves other errors as they are.</summary>
    public static string? DetailFor(Exception? exception) => exception is BadHttpRequestException bad
        ? bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "the request body is larger than this endpoint accepts",
            StatusCodes.Status408RequestTimeout => "the request body arrived too slowly and was cut off; send it again",
            _ => $"the request could not be read: {bad.Message}",
        }
        : null;
}
