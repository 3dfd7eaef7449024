using System.Text;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>A small binary layout for <see cref="VideoDescriptors"/>, as <see cref="FrameSignalsFormat"/> is
/// for the shot signals: little-endian, versioned by the magic. Per shot its frames, per frame its items, per
/// item its kind, box and views (appearance and colour vectors as float32). A minute of video is a few hundred
/// kilobytes; as JSON it would be several times that.</summary>
public static class VideoDescriptorsFormat
{
    static readonly byte[] Magic = "SVDS0001"u8.ToArray();

    public static async Task<string> StoreAsync(IObjectStore store, Guid videoId, VideoDescriptors descriptors, CancellationToken cancellationToken)
    {
        var key = VideoArtifactKeys.Descriptors(videoId);
        await store.WriteBufferedAsync(Buckets.Output, key, buffer => Write(descriptors, buffer), cancellationToken);
        return key;
    }

    /// <summary>The video's stored descriptors, or null when its analysis stored none (processed before
    /// re-matching existed, or without models).</summary>
    public static async Task<VideoDescriptors?> LoadAsync(IObjectStore store, Guid videoId, CancellationToken cancellationToken)
    {
        var key = VideoArtifactKeys.Descriptors(videoId);
        if (!await store.ExistsAsync(Buckets.Output, key, cancellationToken))
            return null;
        return await store.ReadBufferedAsync(Buckets.Output, key, Read, cancellationToken);
    }

    public static void Write(VideoDescriptors descriptors, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(descriptors.Model);
        writer.Write(descriptors.Shots.Count);
        foreach (var shot in descriptors.Shots)
        {
            writer.Write(shot.SegmentIndex);
            writer.Write(shot.FrameCount);
            writer.Write(shot.Frames.Count);
            foreach (var frame in shot.Frames)
            {
                writer.Write(frame.FrameNumber);
                writer.Write(frame.Seconds);
                writer.Write(frame.Items.Count);
                foreach (var item in frame.Items)
                {
                    writer.Write((byte)item.Kind);
                    writer.Write(item.Box.Left);
                    writer.Write(item.Box.Top);
                    writer.Write(item.Box.Width);
                    writer.Write(item.Box.Height);
                    writer.Write(item.Descriptor.Views.Count);
                    foreach (var view in item.Descriptor.Views)
                    {
                        WriteVector(writer, view.Appearance);
                        WriteVector(writer, view.Colour);
                    }
                }
            }
        }
    }

    public static VideoDescriptors Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("Not a video-descriptors artifact (unknown header).");
        var model = reader.ReadString();
        var shots = new ShotDescriptors[Count(reader)];
        for (var s = 0; s < shots.Length; s++)
        {
            var (index, frameCount) = (reader.ReadInt32(), reader.ReadInt32());
            var frames = new FrameDescriptors[Count(reader)];
            for (var f = 0; f < frames.Length; f++)
            {
                var (number, seconds) = (reader.ReadInt64(), reader.ReadDouble());
                var items = new FrameItem[Count(reader)];
                for (var i = 0; i < items.Length; i++)
                {
                    var kind = (ItemKind)reader.ReadByte();
                    if (!Enum.IsDefined(kind))
                        throw new InvalidDataException($"Unknown item kind {(int)kind} in a video-descriptors artifact.");
                    var box = new NormalizedBox(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
                    var views = new ItemView[Count(reader)];
                    for (var v = 0; v < views.Length; v++)
                        views[v] = new ItemView(ReadVector(reader), ReadVector(reader));
                    items[i] = new FrameItem(kind, box, new ItemDescriptor(views));
                }
                frames[f] = new FrameDescriptors(number, seconds, items);
            }
            shots[s] = new ShotDescriptors(index, frameCount, frames);
        }
        return new VideoDescriptors(model, shots);
    }

    static void WriteVector(BinaryWriter writer, float[] vector)
    {
        writer.Write(vector.Length);
        foreach (var value in vector)
            writer.Write(value);
    }

    static float[] ReadVector(BinaryReader reader)
    {
        var vector = new float[Count(reader)];
        for (var i = 0; i < vector.Length; i++)
            vector[i] = reader.ReadSingle();
        return vector;
    }

    // A count read from a cut or corrupt file must not allocate gigabytes.
    static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 1_000_000 || count > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"A video-descriptors artifact holds an impossible count ({count}).");
        return count;
    }
}
