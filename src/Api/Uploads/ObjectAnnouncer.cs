using MassTransit;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Starts processing of an uploaded object at once, with the very event the bucket watcher
/// would publish for it (<see cref="ObjectEvents"/>): same message, same saga id. The watcher still
/// sees the file and announces it again later; the saga takes that as the duplicate it is.</summary>
public sealed class ObjectAnnouncer(IBus bus)
{
    public async Task<Guid> AnnounceAsync(StoredObject stored, CancellationToken cancellationToken)
    {
        if (ObjectEvents.For(stored) is { } message)
            await bus.Publish(message, message.GetType(), cancellationToken);
        return ObjectEvents.SagaIdFor(stored);
    }
}
