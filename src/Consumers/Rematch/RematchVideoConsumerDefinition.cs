using MassTransit;

namespace ShoppableVideo.Consumers.Rematch;

/// <summary>One re-match at a time per process. Two catalog changes close together start two re-matches of the
/// same video; each reads the latest version and writes the next, and the object store has no write-if-absent,
/// so run side by side both would take the same version number. A re-match is a k-NN pass of about a second,
/// so queueing them costs little. (Across several aws workers they can still meet: see the README.)</summary>
public sealed class RematchVideoConsumerDefinition : ConsumerDefinition<RematchVideoConsumer>
{
    public RematchVideoConsumerDefinition() => ConcurrentMessageLimit = 1;
}
