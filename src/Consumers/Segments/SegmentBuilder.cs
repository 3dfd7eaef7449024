using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>From frame signals to published segments: take the shots (from whichever <see cref="IShotDetector"/>
/// the deployment chose), pick their frames among the candidates, and keep the chosen raw candidate frames
/// under deterministic keys in the output bucket.</summary>
public sealed class SegmentBuilder(IObjectStore store, IShotDetector detector, RepresentativeFramePicker picker)
{
    /// <param name="stillRunning">Passed to the shot detector, for a remote job that is still running.</param>
    public async Task<IReadOnlyList<Segment>> BuildAsync(Guid videoId, StoredObject video, FrameSignals signals,
        Func<Task>? stillRunning = null, CancellationToken cancellationToken = default)
    {
        var segments = new List<Segment>();
        var kept = new HashSet<long>();
        foreach (var shot in await detector.DetectShotsAsync(videoId, video, signals, stillRunning, cancellationToken))
        {
            var frames = new List<RepresentativeFrame>();
            foreach (var pick in picker.Pick(shot, signals))
            {
                var key = await KeepAsync(videoId, pick.FrameNumber, cancellationToken);
                kept.Add(pick.FrameNumber);
                frames.Add(new RepresentativeFrame(pick.FrameNumber, pick.Seconds, key));
            }
            // EndSeconds is where the shot's last frame ends, so consecutive segments tile the timeline.
            segments.Add(new Segment(segments.Count, shot.StartFrame, shot.EndFrame,
                signals.StartSecondsOf(shot.StartFrame), signals.EndSecondsOf(shot.EndFrame), frames));
        }

        // Unused candidates are only disk space; the chosen ones stay too, so a repeated step finds them.
        foreach (var candidate in signals.CandidateFrames.Where(c => !kept.Contains(c)))
            await store.DeleteAsync(Buckets.Output, VideoArtifactKeys.Candidate(videoId, candidate), cancellationToken);
        return segments;
    }

    async Task<string> KeepAsync(Guid videoId, long frame, CancellationToken cancellationToken)
    {
        var target = VideoArtifactKeys.RepresentativeFrame(videoId, frame);
        if (await store.ExistsAsync(Buckets.Output, target, cancellationToken))
            return target;
        await using var source = await store.OpenReadAsync(Buckets.Output, VideoArtifactKeys.Candidate(videoId, frame), cancellationToken);
        await store.WriteAsync(Buckets.Output, target, source, cancellationToken);
        return target;
    }
}
