namespace ShoppableVideo.Api.Endpoints;

/// <summary>The API's error answers, all as RFC 9457 problem details so clients parse one shape.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    public static IResult Unprocessable(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not applicable", detail: detail);

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>What was here is gone for good; <paramref name="replacement"/>, when known, is where its
    /// successor lives.</summary>
    public static IResult Gone(string detail, string? replacement) =>
        Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone", detail: detail,
            extensions: replacement is null ? null : new Dictionary<string, object?> { ["replacement"] = replacement });
}
