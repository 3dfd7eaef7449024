using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Size checks that happen before any body byte is read, and the multipart boundary.</summary>
public static class RequestBodyLimit
{
    /// <summary>Raises the server's own body limit (Kestrel's default of 30 MB would cut legitimate
    /// videos) to this endpoint's limit, and says whether the declared Content-Length is already over it.
    /// A body without a length (chunked) is held to the limit while it streams.</summary>
    public static bool DeclaresMoreThan(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return context.Request.ContentLength > limit;
    }

    public static bool IsMultipart(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return false;
        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        return boundary.Length is > 0 and <= 70;
    }
}
