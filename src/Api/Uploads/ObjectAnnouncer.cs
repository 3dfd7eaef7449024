using MassTransit;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>Starts processing of an uploaded object at once, with the very event the bucket's own
/// announcement would publish for it (<see cref="ObjectEvents"/>; the folder watcher's, or S3's object
/// event through intake): same message, same saga id, given the object as <see cref="IBucketWriter"/>
/// identified it. That announcement still comes later; the saga takes it as the duplicate it is.</summary>
public sealed class ObjectAnnouncer(IBus bus)
{
    public async Task<Guid> AnnounceAsync(StoredObject stored, CancellationToken cancellationToken)
    {
        if (ObjectEvents.For(stored) is { } message)
            await bus.Publish(message, message.GetType(), cancellationToken);
        return ObjectEvents.SagaIdFor(stored);
    }
}
