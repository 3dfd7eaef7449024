namespace ShoppableVideo.Messages;

public record VideoProcessingCompleted(Guid VideoId, StoredObject Video, string DocumentKey, int SegmentCount);

public record VideoProcessingFailed(Guid VideoId, StoredObject Video, string Step, string Reason);

/// <summary>Scheduled when a step starts; if it arrives while the step still runs, the step timed out.</summary>
public record VideoStepTimedOut(Guid VideoId);

/// <summary>Sent at start-up for every unfinished saga: the in-memory bus lost its in-flight commands
/// with the process, so the saga re-issues the command of the step it is in.</summary>
public record ResumeVideoProcessing(Guid VideoId);
