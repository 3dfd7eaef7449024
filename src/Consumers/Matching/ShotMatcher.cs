using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// Descriptors to per-shot product matches: each region's nearest catalog products of its kind (the k-NN
/// pass and rerank behind <see cref="IProductIndex"/>), then the shot's frames vote (<see cref="ShotVote"/>).
/// The first analysis of a video and every re-match after a catalog change go through this one path, so a
/// re-match against an unchanged index gives exactly the first analysis's matches.
/// </summary>
public sealed class ShotMatcher(IProductIndex index, ShotVoteOptions options)
{
    public async Task<IReadOnlyList<SegmentMatches>> MatchAsync(VideoDescriptors descriptors, CancellationToken cancellationToken)
    {
        var matches = new List<SegmentMatches>(descriptors.Shots.Count);
        foreach (var shot in descriptors.Shots)
        {
            var hits = new List<FrameHit>();
            foreach (var frame in shot.Frames)
                foreach (var item in frame.Items)
                    // A region of any kind (a close-up) counts towards the garment of whatever product it matched.
                    foreach (var hit in await index.SearchAsync(item.Kind, item.Descriptor, options.NeighboursPerRegion, cancellationToken))
                        hits.Add(new FrameHit(frame.FrameNumber, frame.Seconds, hit.ProductId, hit.Kind, hit.Score, item.Box));
            matches.Add(new SegmentMatches(shot.SegmentIndex, ShotVote.Decide(hits, shot.FrameCount, options),
                ItemsSeen: shot.Frames.Sum(f => f.Items.Count)));
        }
        return matches;
    }
}
