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

    /// <summary>Once every row has reported, removes what the manifest no longer lists.</summary>
    public static EventActivityBinder<CatalogIngestionState, T> PruneWhenAllReported<T>(
        this EventActivityBinder<CatalogIngestionState, T> binder, CatalogIngestionStateMachine machine)
        where T : class =>
        binder.If(x => x.Saga.AllProductsReported(), done => done
            .BeginStep(CatalogBatchStep.PruneRemoved, machine)
            .TransitionTo(machine.Pruning));
}
