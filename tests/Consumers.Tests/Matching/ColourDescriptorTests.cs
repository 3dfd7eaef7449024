using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class ColourDescriptorTests
{
    static BgrImage Filled(int width, int height, (byte B, byte G, byte R) centre, (byte B, byte G, byte R) border)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            // The garment fills a little more than the central part the descriptor reads.
            var inside = x >= width * 15 / 100 && x < width * 85 / 100 && y >= height / 20 && y < height * 19 / 20;
            var (b, g, r) = inside ? centre : border;
            (pixels[(y * width + x) * 3], pixels[(y * width + x) * 3 + 1], pixels[(y * width + x) * 3 + 2]) = (b, g, r);
        }
        return new BgrImage(width, height, pixels);
    }

    [Fact]
    public void The_same_garment_colour_on_different_backgrounds_describes_alike()
    {
        var redOnWhite = Filled(100, 200, (20, 20, 200), (255, 255, 255));
        var redOnGreen = Filled(100, 200, (20, 20, 200), (0, 160, 0));
        var box = new PixelBox(0, 0, 100, 200);

        var similarity = DescriptorSimilarity.Colour(ColourDescriptor.Describe(redOnWhite, box), ColourDescriptor.Describe(redOnGreen, box));

        Assert.InRange(similarity, 0.99, 1.0);
    }

    [Fact]
    public void Red_and_blue_garments_do_not_look_alike_and_black_is_a_grey_level()
    {
        var box = new PixelBox(0, 0, 100, 200);
        var red = ColourDescriptor.Describe(Filled(100, 200, (20, 20, 200), (255, 255, 255)), box);
        var blue = ColourDescriptor.Describe(Filled(100, 200, (200, 40, 20), (255, 255, 255)), box);
        var black = ColourDescriptor.Describe(Filled(100, 200, (10, 12, 15), (255, 255, 255)), box);

        Assert.Equal(ColourDescriptor.Bins, red.Length);
        Assert.InRange(DescriptorSimilarity.Colour(red, blue), 0, 0.01);
        Assert.Equal(ColourDescriptor.Bins - 4, Array.IndexOf(black, black.Max()));
        Assert.InRange(MathF.Sqrt(red.Sum(v => v * v)), 0.999f, 1.001f);
    }

    [Fact]
    public void A_box_outside_the_image_describes_as_all_zeros()
    {
        var image = Filled(10, 10, (1, 2, 3), (4, 5, 6));
        Assert.All(ColourDescriptor.Describe(image, new PixelBox(20, 20, 30, 30)), v => Assert.Equal(0, v));
    }
}
