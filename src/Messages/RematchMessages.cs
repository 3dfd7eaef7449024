namespace ShoppableVideo.Messages;

// Re-matching a processed video against a changed catalog: its stored item descriptors go through the
// k-NN pass and the shot vote again (no decode, no detector, no embedder), and a new version of its
// shoppable document is written when the matches changed.

/// <summary>Starts one VideoRematch saga. RematchId is derived from the video and the catalog change, so a
/// repeated announcement of the change names the saga that already exists.</summary>
public record VideoRematchRequested(Guid RematchId, Guid VideoId, string Reason);

/// <summary>The saga's one step: match the video's stored descriptors against the index as it is now, and
/// write a new document version if the matches differ from the latest version's.</summary>
public record RematchVideo(Guid RematchId, Guid VideoId, string Reason);

/// <summary>Version is the document version now served: the new one when Changed, else the latest one,
/// which already holds the same matches (0 and not Changed when the video has no stored descriptors:
/// Outcome says so).</summary>
public record VideoRematchResult(Guid RematchId, Guid VideoId, int Version, string DocumentKey, bool Changed, string Outcome);

/// <summary>The step refused for good (no document to re-match, a corrupt descriptors artifact).</summary>
public record RematchStepFailed(Guid RematchId, string Reason);

public record VideoRematchTimedOut(Guid RematchId);

/// <summary>Sent at start-up for every unfinished re-match saga.</summary>
public record ResumeVideoRematch(Guid RematchId);

/// <summary>A new version of a video's shoppable document, announced as <c>video.rematched</c>.</summary>
public record VideoRematched(Guid RematchId, Guid VideoId, int Version, string DocumentKey, string Reason);

public record VideoRematchFailed(Guid RematchId, Guid VideoId, string Reason);

public static class RematchStepNames
{
    public const string Rematch = "Rematch";
}
