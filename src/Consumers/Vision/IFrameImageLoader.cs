using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>The pixels of a representative frame, at most <paramref name="maxSide"/> on the longer side.</summary>
public interface IFrameImageLoader
{
    Task<BgrImage> LoadAsync(RepresentativeFrame frame, int maxSide, CancellationToken cancellationToken);
}
