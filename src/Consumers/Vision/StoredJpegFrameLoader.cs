using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>Reads a representative frame's encoded artifact from the output bucket and decodes it.</summary>
public sealed class StoredJpegFrameLoader(IObjectStore store, IImageDecoder decoder) : IFrameImageLoader
{
    public async Task<BgrImage> LoadAsync(RepresentativeFrame frame, int maxSide, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(Buckets.Output, frame.ArtifactKey, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return await decoder.DecodeAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), maxSide, cancellationToken);
    }
}
