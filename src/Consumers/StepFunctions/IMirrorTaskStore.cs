namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>
/// The mirror's memory, shared by every process that mirrors sagas (SQLite embedded, DynamoDB on AWS): per saga
/// step, the task token Step Functions sent and the outcome the saga reached, whichever came first. Whoever
/// supplies the second half claims the completion, and a claim is taken once, so each token is completed once
/// however the token message and the saga's events interleave, repeat or land on different workers.
/// </summary>
public interface IMirrorTaskStore
{
    /// <summary>Records the token a task state sent. The same token again changes nothing; a different one
    /// (Step Functions ran the task again) replaces it and is owed a completion of its own.</summary>
    /// <returns>the completion to send, when the outcome is known and nobody has claimed this token yet.</returns>
    Task<ReadyCompletion?> RecordTokenAsync(MirroredTask task, string taskToken, CancellationToken cancellationToken = default);

    /// <summary>Records how the step ended. The first outcome stays: the saga accepts one result per step,
    /// and a late repeat must not turn a failure into a success.</summary>
    Task<ReadyCompletion?> RecordOutcomeAsync(MirroredTask task, StepOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim back after Step Functions could not be reached, so the next delivery of the
    /// token or of the outcome, or the next start-up, tries again.</summary>
    Task ReleaseAsync(ReadyCompletion completion, CancellationToken cancellationToken = default);

    /// <summary>Claims every completion left unsent (a release, or a process stopped between recording a
    /// half and sending).</summary>
    Task<IReadOnlyList<ReadyCompletion>> ClaimAllReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>The token recorded for a task, for tests and diagnostics.</summary>
    Task<string?> TokenOfAsync(MirroredTask task, CancellationToken cancellationToken = default);
}
