using System.Text.Json;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>One SHOT SegmentDetection as Rekognition reports it: frame numbers (from 0, inclusive) when
/// present, and timestamps in milliseconds, rounded down, always.</summary>
readonly record struct RekognitionShot(long? StartFrameNumber, long? EndFrameNumber, long StartMillis, long EndMillis)
{
    public static RekognitionShot From(JsonElement segment) => new(
        Long(segment, "StartFrameNumber"),
        Long(segment, "EndFrameNumber"),
        Long(segment, "StartTimestampMillis") ?? 0,
        Long(segment, "EndTimestampMillis") ?? 0);

    public long StartFrame(double fps) => StartFrameNumber ?? (long)Math.Round(StartMillis / 1000.0 * fps);

    // EndTimestampMillis is where the shot ends, so its last frame is the one before.
    public long EndFrame(double fps) => EndFrameNumber ?? (long)Math.Round(EndMillis / 1000.0 * fps) - 1;

    static long? Long(JsonElement segment, string property) =>
        segment.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
