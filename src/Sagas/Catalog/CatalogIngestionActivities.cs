using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>The batch saga's side effects: fanning rows out to product image sagas and finishing.</summary>
static class CatalogIngestionActivities
{
    public static EventActivityBinder<CatalogIngestionState, T> SubmitUnreportedProducts<T>(
        this EventActivityBinder<CatalogIngestionState, T> binder) where T : class =>
        binder.ThenAsync(async x =>
        {
            foreach (var submission in x.Saga.UnreportedSubmissions())
                await x.Publish(submission, x.CancellationToken);
        });

    public static EventActivityBinder<CatalogIngestionState, T> CompleteWhenAllReported<T>(
        this EventActivityBinder<CatalogIngestionState, T> binder, CatalogIngestionStateMachine machine)
        where T : class =>
        binder.If(x => x.Saga.AllProductsReported(), done => done
            .Then(x => x.Saga.Succeed(DateTimeOffset.UtcNow))
            .Publish(x => x.Saga.ToCompletedEvent())
            .TransitionTo(machine.Completed));
}
