using System.Text.Json;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>Where one SHOT SegmentDetection begins, as Rekognition reports it: its frame number (from 0) when
/// present, and its timestamp in milliseconds, rounded down, always. Where it ends is the next shot's start
/// (<see cref="Shot.Tiling"/>), so its end is not read.</summary>
readonly record struct RekognitionShot(long? StartFrameNumber, long StartMillis)
{
    public static RekognitionShot From(JsonElement segment) => new(
        Long(segment, "StartFrameNumber"),
        Long(segment, "StartTimestampMillis") ?? 0);

    public long StartFrame(double fps) => StartFrameNumber ?? (long)Math.Round(StartMillis / 1000.0 * fps);

    static long? Long(JsonElement segment, string property) =>
        segment.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
