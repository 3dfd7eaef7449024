using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Consumers.Vision.Preprocessing;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class ImageTensorWriterTests
{
    static readonly ModelManifest Detector = new()
    {
        Name = "test", File = "test.onnx", Input = "images", Layout = "NCHW", Width = 8, Height = 8,
        Resize = "letterbox", PadValue = 114, Decoder = "yolox", Mean = [10, 20, 30], Std = [2, 4, 5],
    };

    [Fact]
    public void A_wide_image_is_letterboxed_at_the_top_left_with_padding_below_and_normalised_per_channel()
    {
        var image = Solid(16, 8, blue: 50, green: 100, red: 200);

        var (tensor, geometry) = ImageTensorWriter.Letterbox(image, Detector);

        Assert.Equal([1L, 3, 8, 8], tensor.Shape);
        Assert.Equal((0.5f, 8, 4), (geometry.Scale, geometry.ResizedWidth, geometry.ResizedHeight));
        Assert.Equal((50 - 10) / 2f, tensor.Data[0], 3);            // blue plane, inside the image
        Assert.Equal((100 - 20) / 4f, tensor.Data[64], 3);          // green plane
        Assert.Equal((200 - 30) / 5f, tensor.Data[128 + 3 * 8], 3); // red plane, last image row
        Assert.Equal((114 - 10) / 2f, tensor.Data[4 * 8], 3);       // blue plane, first padded row
    }

    [Fact]
    public void Letterbox_coordinates_map_back_to_the_original_image()
    {
        var geometry = LetterboxGeometry.Fit(1000, 500, 416, 416);
        var box = geometry.ToImage(new PixelBox(41.6f, 20.8f, 208, 104), 1000, 500);
        Assert.Equal(100, box.Left, 1);
        Assert.Equal(50, box.Top, 1);
        Assert.Equal(500, box.Right, 1);
        Assert.Equal(250, box.Bottom, 1);
    }

    [Fact]
    public void Stretching_a_region_reads_only_that_region_of_the_source()
    {
        var image = Solid(20, 20, blue: 0, green: 0, red: 0);
        for (var y = 10; y < 20; y++)
        for (var x = 10; x < 20; x++)
            image.Pixels[(y * 20 + x) * 3 + 2] = 255;
        var embedder = Detector with { Layout = "NHWC", Width = 4, Height = 8, Resize = "stretch", Mean = [0, 0, 0], Std = [1, 1, 1] };
        var batch = new float[2 * 4 * 8 * 3];

        ImageTensorWriter.StretchInto(image, new PixelBox(10, 10, 20, 20), embedder, batch, 1);

        Assert.All(batch.Take(4 * 8 * 3), v => Assert.Equal(0, v));
        var second = batch.Skip(4 * 8 * 3).ToArray();
        Assert.All(second.Where((_, i) => i % 3 == 2), v => Assert.Equal(255, v, 2));
        Assert.All(second.Where((_, i) => i % 3 != 2), v => Assert.Equal(0, v, 2));
    }

    static BgrImage Solid(int width, int height, byte blue, byte green, byte red)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (blue, green, red);
        return new BgrImage(width, height, pixels);
    }
}
