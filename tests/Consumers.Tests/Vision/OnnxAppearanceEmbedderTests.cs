using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class OnnxAppearanceEmbedderTests(ITestOutputHelper output)
{
    [ModelsAndSharedDataFact]
    public void A_person_and_their_mirror_image_embed_alike_and_unlike_a_background_patch_with_resnet18() =>
        PersonMatchesMirrorNotBackground("resnet18");

    [ModelsAndSharedDataFact]
    public void A_person_and_their_mirror_image_embed_alike_and_unlike_a_background_patch_with_0288() =>
        PersonMatchesMirrorNotBackground("person-reid-0288");

    [ModelsAndSharedDataFact]
    public void A_person_and_their_mirror_image_embed_alike_and_unlike_a_background_patch_with_0287() =>
        PersonMatchesMirrorNotBackground("person-reid-0287");

    void PersonMatchesMirrorNotBackground(string model)
    {
        var image = TestImages.Decode(TestImages.CatalogPhoto("mh01-black_main.jpg"));
        var mirror = TestImages.Mirror(image);
        using var detector = OnnxObjectDetector.Open(Models.Engine, Models.Catalog, new VisionOptions());
        using var embedder = OnnxAppearanceEmbedder.Open(Models.Engine, Models.Catalog, new VisionOptions { EmbedderModel = model });
        var person = detector.Detect(image).Where(d => d.Label == "person").MaxBy(d => d.Score)!.Box;
        var mirrored = new PixelBox(image.Width - person.Right, person.Top, image.Width - person.Left, person.Bottom);
        var corner = new PixelBox(0, 0, image.Width * 0.15f, image.Height * 0.3f);

        var vectors = embedder.Embed(image, [person, corner]);
        var flipped = embedder.Embed(mirror, [mirrored])[0];

        Assert.Equal(Models.Catalog.Manifest(model).Dimensions, embedder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(1, MathF.Sqrt(Cosine(v, v)), 3));
        var same = Cosine(vectors[0], flipped);
        var different = Cosine(vectors[0], vectors[1]);
        output.WriteLine($"{model}: person vs mirror {same:F3}, person vs background {different:F3}");
        Assert.True(same > 0.9f, $"mirror cosine {same}");
        Assert.True(different < same - 0.2f, $"background cosine {different} is close to mirror cosine {same}");
    }

    [ModelsAndSharedDataFact]
    public void Embedding_several_regions_gives_one_vector_each_in_order()
    {
        var image = TestImages.Decode(TestImages.CatalogPhoto("mh01-black_main.jpg"));
        using var embedder = OnnxAppearanceEmbedder.Open(Models.Engine, Models.Catalog, new VisionOptions());
        PixelBox a = new(100, 100, 600, 900), b = new(600, 700, 1200, 1500);

        var together = embedder.Embed(image, [a, b, a]);

        Assert.Equal(3, together.Count);
        Assert.Equal(embedder.Embed(image, [b])[0], together[1]);
        Assert.Equal(together[0], together[2]);
    }

    static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
