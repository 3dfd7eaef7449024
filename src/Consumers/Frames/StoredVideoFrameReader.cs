using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Reads a representative frame's <see cref="RawFrameFormat"/> artifact from the output bucket.</summary>
public sealed class StoredVideoFrameReader(IObjectStore store) : IVideoFrameReader
{
    public async Task<BgrImage> ReadAsync(RepresentativeFrame frame, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(Buckets.Output, frame.ArtifactKey, cancellationToken);
        return await RawFrameFormat.ReadAsync(stream, cancellationToken);
    }
}
