using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Metadata;

public class ShoppableDocumentSchemaTests
{
    static readonly Guid VideoId = Guid.Parse("5b2a8f0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b");

    static PublishMetadata Command(string analysis = "complete", params ProductMatch[] products) => new(
        VideoId,
        new StoredObject("videos", "shop/lookbook.mp4", 123_456, "sha256:" + new string('a', 64)),
        new VideoProbe(12.5, 25, 1280, 720, "h264", 0, 312),
        [
            new Segment(0, 0, 74, 0, 2.96, [new RepresentativeFrame(37, 1.48, $"videos/{VideoId:N}/frames/000037.jpg")]),
            new Segment(1, 75, 311, 3, 12.44, [new RepresentativeFrame(100, 4, $"videos/{VideoId:N}/frames/000100.jpg"),
                                              new RepresentativeFrame(200, 8, $"videos/{VideoId:N}/frames/000200.jpg")]),
        ],
        analysis,
        [new SegmentMatches(1, products)]);

    static readonly ProductMatch Hoodie = new("MH01-Gray", 0.8123, new NormalizedBox(0.31, 0.12, 0.4, 0.55), 4, "upper",
        ProductMatches.Exact, 0.93);

    static JsonNode Serialized(PublishMetadata command) =>
        JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(ShoppableDocument.From(command), PublishMetadataConsumer.JsonOptions))!;

    [Fact]
    public void A_sideways_stored_video_is_described_at_the_upright_size_its_boxes_are_fractions_of()
    {
        var command = Command() with { Probe = new VideoProbe(12.5, 25, 1920, 1080, "h264", 270, 312) };

        var video = ShoppableDocument.From(command).Video;

        Assert.Equal((1080, 1920), (video.Width, video.Height));
    }

    [Fact]
    public void A_document_with_products_as_the_pipeline_writes_it_keeps_the_schema()
    {
        Assert.Empty(Schemas.ShoppableDocument.ErrorsIn(Serialized(Command("complete", Hoodie)).ToJsonString()));
    }

    [Fact]
    public void A_document_from_an_unconfigured_analyzer_with_its_reason_keeps_the_schema()
    {
        Assert.Empty(Schemas.ShoppableDocument.ErrorsIn(Serialized(Command("not-configured: no models in .tools")).ToJsonString()));
    }

    [Fact]
    public void A_box_outside_the_frame_is_rejected()
    {
        var document = Serialized(Command("complete", Hoodie with { Box = new NormalizedBox(0.9, 0.1, 1.2, 0.5) }));

        var error = Assert.Single(Schemas.ShoppableDocument.ErrorsIn(document.ToJsonString()));
        Assert.StartsWith("/segments/1/products/0/box/width: maximum: 1.2 ", error);
    }

    [Fact]
    public void A_missing_field_is_rejected()
    {
        var document = Serialized(Command("complete", Hoodie));
        document["segments"]![1]!["products"]![0]!.AsObject().Remove("kind");

        var error = Assert.Single(Schemas.ShoppableDocument.ErrorsIn(document.ToJsonString()));
        Assert.StartsWith("/segments/1/products/0: required: ", error);
        Assert.Contains("kind", error);
    }

    [Fact]
    public void A_property_the_schema_does_not_name_is_rejected()
    {
        var document = Serialized(Command());
        document["video"]!["codec"] = "h264";

        // additionalProperties: false fails the property against the false schema, so the keyword is empty.
        var error = Assert.Single(Schemas.ShoppableDocument.ErrorsIn(document.ToJsonString()));
        Assert.StartsWith("/video/codec: : ", error);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_rejected()
    {
        var document = Serialized(Command());
        document["segments"]![0]!["startFrame"] = "0";

        var error = Assert.Single(Schemas.ShoppableDocument.ErrorsIn(document.ToJsonString()));
        Assert.StartsWith("/segments/0/startFrame: type: ", error);
    }

    [Fact]
    public void An_unknown_kind_or_schema_version_is_rejected()
    {
        var document = Serialized(Command("complete", Hoodie with { Kind = "hat" }));
        document["schemaVersion"] = "1.0";

        var errors = Schemas.ShoppableDocument.ErrorsIn(document.ToJsonString());

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("/schemaVersion: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/segments/1/products/0/kind: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_product_must_say_whether_it_is_exact_or_similar_and_how_sure()
    {
        var guessed = Serialized(Command("complete", Hoodie with { Match = "probably" }));
        var unsure = Serialized(Command("complete", Hoodie));
        unsure["segments"]![1]!["products"]![0]!.AsObject().Remove("confidence");

        Assert.StartsWith("/segments/1/products/0/match: ", Assert.Single(Schemas.ShoppableDocument.ErrorsIn(guessed.ToJsonString())));
        Assert.Contains("confidence", Assert.Single(Schemas.ShoppableDocument.ErrorsIn(unsure.ToJsonString())));
    }

    [Fact]
    public void An_analysis_the_pipeline_never_writes_is_rejected()
    {
        Assert.NotEmpty(Schemas.ShoppableDocument.ErrorsIn(Serialized(Command("guessed")).ToJsonString()));
    }
}
