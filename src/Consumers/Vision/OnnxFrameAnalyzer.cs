using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>
/// The real analyzer: for every representative frame of every shot it reads the raw pixels the decode pass kept, finds and
/// describes the item regions (ONNX detector and re-ID embedder behind <see cref="IItemFinder"/>), asks
/// the product index for the nearest catalog products of the same kind, and lets the shot's frames vote
/// (<see cref="ShotVote"/>). Frames run one after another: the ONNX sessions already use every core.
/// </summary>
public sealed class OnnxFrameAnalyzer(IVideoFrameReader frames, IItemFinder items, IProductIndex index, ShotVoteOptions options)
    : IFrameAnalyzer
{
    public const string Analysis = "complete";

    public async Task<FrameAnalysis> AnalyzeAsync(Guid videoId, IReadOnlyList<Segment> segments, CancellationToken cancellationToken)
    {
        var matches = new List<SegmentMatches>(segments.Count);
        foreach (var segment in segments)
        {
            var hits = new List<FrameHit>();
            var itemsSeen = 0;
            foreach (var frame in segment.Frames)
                itemsSeen += await FindHitsAsync(frame, hits, cancellationToken);
            matches.Add(new SegmentMatches(segment.Index, ShotVote.Decide(hits, segment.Frames.Count, options), itemsSeen));
        }
        return new FrameAnalysis(Analysis, matches);
    }

    /// <summary>Adds the frame's hits; returns how many item regions it found, matched or not.</summary>
    async Task<int> FindHitsAsync(RepresentativeFrame frame, List<FrameHit> hits, CancellationToken cancellationToken)
    {
        var image = await frames.ReadAsync(frame, cancellationToken);
        var found = items.Find(image);
        foreach (var item in found)
        {
            var box = item.Region.Box.Normalize(image.Width, image.Height);
            // A region of any kind (a close-up) counts towards the garment of whatever product it matched.
            foreach (var hit in await index.SearchAsync(item.Region.Kind, item.Descriptor, options.NeighboursPerRegion, cancellationToken))
                hits.Add(new FrameHit(frame.FrameNumber, frame.Seconds, hit.ProductId, hit.Kind, hit.Score, box));
        }
        return found.Count;
    }
}
