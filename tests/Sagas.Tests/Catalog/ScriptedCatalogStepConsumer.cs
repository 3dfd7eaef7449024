using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>Stands in for the real catalog consumers so the two catalog sagas' own behaviour can be driven:
/// every step succeeds except Decode on the script's refused rows. The real consumers are tested on real
/// photos in Consumers.Tests and end to end in Api.Tests.</summary>
public sealed class ScriptedCatalogStepConsumer(CatalogScript script) :
    IConsumer<ParseCatalogManifest>,
    IConsumer<DecodeProductImage>,
    IConsumer<DetectProductItems>,
    IConsumer<EmbedProductItems>,
    IConsumer<IndexProduct>,
    IConsumer<PruneCatalogManifest>
{
    public Task Consume(ConsumeContext<ParseCatalogManifest> context) =>
        context.Publish(new CatalogManifestParsed(context.Message.BatchId,
            script.ImageIds.Select((id, row) => new ParsedProduct(id,
                new CatalogProduct(row + 2, $"P{row:D3}", $"Product {row}", 10, "Women/Tops/Tees", $"images/p{row:D3}.jpg", null))).ToList(),
            []));

    public Task Consume(ConsumeContext<DecodeProductImage> context) =>
        script.Refuses(context.Message.ProductImageId)
            ? context.Publish(new ProductImageStepFailed(context.Message.ProductImageId, ProductImageStepNames.Decode, "not an image"))
            : context.Publish(new ProductImageDecoded(context.Message.ProductImageId, 640, 800, "sha256:photo", AlreadyIndexed: false));

    public Task Consume(ConsumeContext<DetectProductItems> context) =>
        context.Publish(new ProductItemsDetected(context.Message.ProductImageId, "scripted", null));

    public Task Consume(ConsumeContext<EmbedProductItems> context) =>
        context.Publish(new ProductItemsEmbedded(context.Message.ProductImageId, null));

    public Task Consume(ConsumeContext<IndexProduct> context) =>
        context.Publish(new ProductIndexed(context.Message.ProductImageId));

    public Task Consume(ConsumeContext<PruneCatalogManifest> context) =>
        context.Publish(new CatalogManifestPruned(context.Message.BatchId, [], null));
}
