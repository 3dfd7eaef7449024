using Microsoft.AspNetCore.StaticFiles;

namespace ShoppableVideo.Api.Web;

/// <summary>The content type a browser needs to play a stored video, from its key's extension.</summary>
public static class VideoContentTypes
{
    static readonly FileExtensionContentTypeProvider Known = new();

    public static string For(string key) =>
        Known.TryGetContentType(key, out var type) && type.StartsWith("video/", StringComparison.Ordinal)
            ? type
            // An unknown or odd extension: browsers sniff the container of a generic binary stream.
            : "application/octet-stream";
}
