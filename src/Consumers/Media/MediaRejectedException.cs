namespace ShoppableVideo.Consumers.Media;

/// <summary>The input is not a video or image this system can use, and trying again will not change that.
/// Consumers turn it into a terminal step failure instead of letting MassTransit retry.</summary>
public sealed class MediaRejectedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
