using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>The batch saga's side effects: fanning rows out to product image sagas and finishing.</summary>
static class CatalogIngestionActivities
{
    /// <summary>Keeps the window of product images full; with <paramref name="resend"/> (a restart) the
    /// ones in flight are sent again too.</summary>
    public static EventActivityBinder<CatalogIngestionState, T> SubmitNextProducts<T>(
        this EventActivityBinder<CatalogIngestionState, T> binder, bool resend = false) where T : class =>
        binder.ThenAsync(async x =>
        {
            foreach (var submission in x.Saga.NextSubmissions(resend))
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
