using System.Globalization;
using System.Text.Json;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Turns ffprobe's JSON (-show_streams -show_format) into a <see cref="VideoProbe"/>, refusing
/// what the pipeline cannot use. Kept apart from the process handling so it can be tested on text.</summary>
public static class FfprobeReport
{
    public static VideoProbe Parse(string json, MediaLimits limits)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var stream = FirstVideoStream(root) ?? throw new MediaRejectedException("the file has no video stream");

        var width = Int(stream, "width");
        var height = Int(stream, "height");
        CheckDimensions(width, height, limits);

        var fps = Rate(stream, "avg_frame_rate") ?? Rate(stream, "r_frame_rate")
            ?? throw new MediaRejectedException("the video stream has no frame rate");
        var duration = Double(root.TryGetProperty("format", out var format) ? format : default, "duration")
            ?? Double(stream, "duration") ?? 0;
        var frames = Long(stream, "nb_frames") ?? 0;
        if (duration <= 0 && frames <= 1)
            throw new MediaRejectedException("the video has zero length");
        if (duration <= 0)
            duration = frames / fps;
        if (frames <= 0)
            frames = (long)Math.Round(duration * fps);

        var codec = stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "unknown" : "unknown";
        return new VideoProbe(duration, fps, width, height, codec, Rotation(stream), frames);
    }

    // Cover art in an audio file is a "video" stream with one picture; it is not a video.
    static JsonElement? FirstVideoStream(JsonElement root)
    {
        if (!root.TryGetProperty("streams", out var streams))
            return null;
        foreach (var stream in streams.EnumerateArray())
        {
            if (stream.TryGetProperty("codec_type", out var type) && type.GetString() == "video"
                && !(stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1))
                return stream;
        }
        return null;
    }

    static void CheckDimensions(int width, int height, MediaLimits limits)
    {
        if (width < limits.MinSide || height < limits.MinSide)
            throw new MediaRejectedException($"the video is too small ({width}x{height}); each side must be at least {limits.MinSide} pixels");
        if (width > limits.MaxWidth || height > limits.MaxHeight || (double)width * height > limits.MaxMegapixels * 1_000_000)
            throw new MediaRejectedException(
                $"the video is too large ({width}x{height}); the limit is {limits.MaxWidth}x{limits.MaxHeight} and {limits.MaxMegapixels} megapixels");
    }

    // A phone records portrait video as landscape plus a rotation; the display matrix (newer ffmpeg)
    // or the rotate tag (older files) says which way up it is.
    static int Rotation(JsonElement stream)
    {
        double degrees = 0;
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
                if (Double(item, "rotation") is { } r)
                    degrees = r;
        }
        if (degrees == 0 && stream.TryGetProperty("tags", out var tags) && Double(tags, "rotate") is { } tag)
            degrees = tag;
        var normalised = (int)Math.Round(degrees) % 360;
        return normalised < 0 ? normalised + 360 : normalised;
    }

    static double? Rate(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.GetString() is not { } text)
            return null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && num > 0 && den > 0)
            return num / den;
        return null;
    }

    // ffprobe writes most numbers as strings ("4.295689"), some as numbers; accept both.
    static double? Double(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number)
            return value.GetDouble();
        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed) ? parsed : null;
    }

    static long? Long(JsonElement element, string name) => Double(element, name) is { } d ? (long)d : null;

    static int Int(JsonElement element, string name) => (int)(Double(element, name) ?? 0);
}
