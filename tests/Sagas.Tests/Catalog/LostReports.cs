using System.Collections.Concurrent;
using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>Loses the first outcome report of the chosen product images before the batch reads it: what a
/// process killed after the image's saga saved its last state, and before the batch counted the report,
/// leaves behind. Later reports of the same image get through.</summary>
public sealed class LostReports(IReadOnlySet<Guid> images) : IFilter<ConsumeContext>
{
    readonly ConcurrentDictionary<Guid, bool> lost = new();

    public int Count => lost.Count;

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        Guid? image = context.TryGetMessage<ProductImageIngested>(out var ingested) ? ingested.Message.ProductImageId
            : context.TryGetMessage<ProductImageFailed>(out var failed) ? failed.Message.ProductImageId
            : null;
        return image is { } id && images.Contains(id) && lost.TryAdd(id, true) ? Task.CompletedTask : next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("lost-reports");
}
