using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>
/// The real analyzer: for every representative frame of every shot it reads the raw pixels the decode pass kept, finds and
/// describes the item regions (ONNX detector and embedder behind <see cref="IItemFinder"/>), then hands the
/// descriptors to <see cref="ShotMatcher"/> (k-NN among the same kind, then the shot vote), the same path a
/// re-match takes. The descriptors come back with the matches, so they can be kept for re-matching.
/// Frames run one after another: the ONNX sessions already use every core.
/// </summary>
public sealed class OnnxFrameAnalyzer(IVideoFrameReader frames, IItemFinder items, ShotMatcher matcher, string model)
    : IFrameAnalyzer
{
    public const string Analysis = "complete";

    public async Task<FrameAnalysis> AnalyzeAsync(Guid videoId, IReadOnlyList<Segment> segments, CancellationToken cancellationToken)
    {
        var shots = new List<ShotDescriptors>(segments.Count);
        foreach (var segment in segments)
        {
            var described = new List<FrameDescriptors>(segment.Frames.Count);
            foreach (var frame in segment.Frames)
                described.Add(await DescribeAsync(frame, cancellationToken));
            shots.Add(new ShotDescriptors(segment.Index, segment.Frames.Count, described));
        }
        var descriptors = new VideoDescriptors(model, shots);
        return new FrameAnalysis(Analysis, await matcher.MatchAsync(descriptors, cancellationToken), descriptors);
    }

    async Task<FrameDescriptors> DescribeAsync(RepresentativeFrame frame, CancellationToken cancellationToken)
    {
        var image = await frames.ReadAsync(frame, cancellationToken);
        return new FrameDescriptors(frame.FrameNumber, frame.Seconds, items.Find(image)
            .Select(item => new FrameItem(item.Region.Kind, item.Region.Box.Normalize(image.Width, image.Height), item.Descriptor))
            .ToList());
    }
}
