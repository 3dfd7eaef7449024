using System.Text.Json;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>ffprobe reads only the image header, so an image bomb is measured without being decoded.</summary>
public sealed class FfprobeImageInspector(IObjectStore store, MediaTools tools) : IImageInspector
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<ImageHeader> InspectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var location = store.GetMediaLocation(bucket, key);
        await using var process = ToolProcess.Start(tools.FfprobePath,
            ["-v", "error", "-select_streams", "v:0", "-print_format", "json", "-show_streams", location],
            Timeout, cancellationToken);
        var json = await new StreamReader(process.StandardOutput).ReadToEndAsync(process.Token);
        if (await process.WaitForExitAsync(cancellationToken) != 0)
            throw new ProductImageRejectedException(
                $"image '{key}' is not a readable image: {(await process.Stderr.LastLineAsync()).Replace(location, key)}");
        using var document = JsonDocument.Parse(json);
        var streams = document.RootElement.TryGetProperty("streams", out var s) ? s : default;
        if (streams.ValueKind != JsonValueKind.Array || streams.GetArrayLength() == 0)
            throw new ProductImageRejectedException($"image '{key}' has no picture in it");
        var stream = streams[0];
        return new ImageHeader(
            stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "unknown" : "unknown");
    }
}
