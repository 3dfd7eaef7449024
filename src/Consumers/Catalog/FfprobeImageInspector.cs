using System.Text.Json;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>ffprobe reads only the image header, so an image bomb is measured without being decoded.</summary>
public sealed class FfprobeImageInspector(IObjectStore store, MediaTools tools) : IImageInspector
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // ffprobe "reads" almost anything (a text file is an 'ansi' video to it), so only still-image codecs count.
    static readonly HashSet<string> ImageCodecs = ["mjpeg", "png", "webp", "bmp", "tiff", "gif", "jpeg2000", "jpegls"];

    public async Task<ImageHeader> InspectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var location = store.GetMediaLocation(bucket, key);
        await using var process = ToolProcess.Start(tools.FfprobePath,
            ["-v", "error", "-select_streams", "v:0", "-print_format", "json", "-show_streams", location],
            Timeout, cancellationToken);
        var json = await new StreamReader(process.StandardOutput).ReadToEndAsync(process.Token);
        if (await process.WaitForExitAsync(cancellationToken) != 0)
            throw new MediaRejectedException(
                $"image '{key}' is not a readable image: {(await process.Stderr.LastLineAsync()).Replace(location, key)}");
        using var document = JsonDocument.Parse(json);
        var streams = document.RootElement.TryGetProperty("streams", out var s) ? s : default;
        if (streams.ValueKind != JsonValueKind.Array || streams.GetArrayLength() == 0)
            throw new MediaRejectedException($"image '{key}' has no picture in it");
        var stream = streams[0];
        var codec = stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "unknown" : "unknown";
        if (!ImageCodecs.Contains(codec))
            throw new MediaRejectedException($"image '{key}' is not a readable image: ffprobe reads it as '{codec}'");
        var width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        // A file named .jpg that holds no JPEG still "probes" as mjpeg, with no size: that is the tell.
        if (width <= 0 || height <= 0)
            throw new MediaRejectedException($"image '{key}' is not a readable image: it has no picture size");
        return new ImageHeader(width, height, codec);
    }
}
