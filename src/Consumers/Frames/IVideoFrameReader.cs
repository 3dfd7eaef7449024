using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Loads the pixels of a frame the decode pass kept, for analysis: no decoding involved.</summary>
public interface IVideoFrameReader
{
    /// <exception cref="InvalidDataException">the artifact is not a raw frame.</exception>
    /// <exception cref="FileNotFoundException">the artifact is gone.</exception>
    Task<BgrImage> ReadAsync(RepresentativeFrame frame, CancellationToken cancellationToken = default);
}
