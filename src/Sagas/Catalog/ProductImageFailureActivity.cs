using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>Tells the batch saga which product failed, where and why.</summary>
static class ProductImageFailureActivity
{
    public static EventActivityBinder<ProductImageState, T> PublishFailure<T>(
        this EventActivityBinder<ProductImageState, T> binder) where T : class =>
        binder.Publish(x => new ProductImageFailed(
            x.Saga.CorrelationId, x.Saga.BatchId, x.Saga.Product?.ProductId ?? "", x.Saga.Product?.Line ?? 0,
            x.Saga.FailedStep ?? "", x.Saga.FailureReason ?? ""));
}
