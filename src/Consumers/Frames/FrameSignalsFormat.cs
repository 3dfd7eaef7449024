using System.Text;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>A small binary layout for <see cref="FrameSignals"/>: a two-hour video at 30 fps is 216,000
/// frames, which as JSON would be tens of megabytes. Little-endian, versioned by the magic. Version 2 adds
/// the video's frame count, since a sampler measures only some frames; version 1 (one signal for every frame,
/// so the count is the signals') is still read, for a video whose frame step ran before the upgrade.</summary>
public static class FrameSignalsFormat
{
    static readonly byte[] Magic = "SVFS0002"u8.ToArray();
    static readonly byte[] MagicVersion1 = "SVFS0001"u8.ToArray();

    /// <summary>Stores a frame step's artifact under the video's frame-signals key in the output bucket.</summary>
    /// <returns>the key, for the next step's command.</returns>
    public static async Task<string> StoreAsync(IObjectStore store, Guid videoId, FrameSignals signals, CancellationToken cancellationToken)
    {
        var key = VideoArtifactKeys.FrameSignals(videoId);
        await store.WriteBufferedAsync(Buckets.Output, key, buffer => Write(signals, buffer), cancellationToken);
        return key;
    }

    /// <summary>Reads the artifact a frame step stored.</summary>
    public static async Task<FrameSignals> LoadAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        return await store.ReadBufferedAsync(Buckets.Output, key, Read, cancellationToken);
    }

    public static void Write(FrameSignals signals, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(signals.FramesPerSecond);
        writer.Write(signals.CandidateInterval);
        writer.Write(signals.FrameCount);
        writer.Write(signals.Frames.Count);
        foreach (var frame in signals.Frames)
        {
            writer.Write(frame.FrameNumber);
            writer.Write(frame.Seconds);
            writer.Write(frame.ContentScore);
            writer.Write(frame.Sharpness);
        }
        writer.Write(signals.CandidateFrames.Count);
        foreach (var candidate in signals.CandidateFrames)
            writer.Write(candidate);
    }

    public static FrameSignals Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = reader.ReadBytes(Magic.Length).AsSpan();
        var version1 = magic.SequenceEqual(MagicVersion1);
        if (!version1 && !magic.SequenceEqual(Magic))
            throw new InvalidDataException("Not a frame-signals artifact (unknown header).");
        var fps = reader.ReadDouble();
        var interval = reader.ReadInt32();
        long? frameCount = version1 ? null : reader.ReadInt64();
        var frames = new FrameSignal[reader.ReadInt32()];
        for (var i = 0; i < frames.Length; i++)
            frames[i] = new FrameSignal(reader.ReadInt64(), reader.ReadDouble(), reader.ReadSingle(), reader.ReadSingle());
        var candidates = new long[reader.ReadInt32()];
        for (var i = 0; i < candidates.Length; i++)
            candidates[i] = reader.ReadInt64();
        return new FrameSignals(fps, interval, frameCount ?? frames.Length, frames, candidates);
    }
}
