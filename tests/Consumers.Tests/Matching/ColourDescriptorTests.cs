using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class ColourDescriptorTests
{
    static readonly PixelBox Whole = new(0, 0, 100, 200);

    static BgrImage Filled(int width, int height, (byte B, byte G, byte R) centre, (byte B, byte G, byte R) border)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var inside = x >= width * 15 / 100 && x < width * 85 / 100 && y >= height / 20 && y < height * 19 / 20;
            var (b, g, r) = inside ? centre : border;
            (pixels[(y * width + x) * 3], pixels[(y * width + x) * 3 + 1], pixels[(y * width + x) * 3 + 2]) = (b, g, r);
        }
        return new BgrImage(width, height, pixels);
    }

    [Fact]
    public void Studio_white_around_a_garment_is_left_out_so_a_cut_out_and_a_full_frame_garment_describe_alike()
    {
        var redOnWhite = Filled(100, 200, (20, 20, 200), (255, 255, 255));
        var redEverywhere = Filled(100, 200, (20, 20, 200), (20, 20, 200));

        var similarity = DescriptorSimilarity.Colour(ColourDescriptor.Describe(redOnWhite, Whole), ColourDescriptor.Describe(redEverywhere, Whole));

        Assert.InRange(similarity, 0.999, 1.0);
    }

    [Fact]
    public void A_background_that_is_not_white_still_counts_but_only_by_its_share()
    {
        var redOnGreen = Filled(100, 200, (20, 20, 200), (0, 160, 0));
        var redOnWhite = Filled(100, 200, (20, 20, 200), (255, 255, 255));

        var similarity = DescriptorSimilarity.Colour(ColourDescriptor.Describe(redOnGreen, Whole), ColourDescriptor.Describe(redOnWhite, Whole));

        // 63% of the box is red: the Bhattacharyya coefficient is sqrt(0.63).
        Assert.InRange(similarity, 0.75, 0.85);
    }

    [Fact]
    public void Red_and_blue_garments_do_not_look_alike_and_black_is_a_grey_level()
    {
        var red = ColourDescriptor.Describe(Filled(100, 200, (20, 20, 200), (255, 255, 255)), Whole);
        var blue = ColourDescriptor.Describe(Filled(100, 200, (200, 40, 20), (255, 255, 255)), Whole);
        var black = ColourDescriptor.Describe(Filled(100, 200, (10, 12, 15), (255, 255, 255)), Whole);

        Assert.Equal(ColourDescriptor.Bins, red.Length);
        Assert.InRange(DescriptorSimilarity.Colour(red, blue), 0, 0.01);
        Assert.Equal(ColourDescriptor.Bins - ColourDescriptor.Greys, Array.IndexOf(black, black.Max()));
        Assert.InRange(MathF.Sqrt(red.Sum(v => v * v)), 0.999f, 1.001f);
    }

    [Fact]
    public void A_small_hue_shift_from_grading_keeps_most_of_the_similarity()
    {
        // Hue 90 degrees against 97.5, same saturation and value: the shift moves mass between two
        // neighbouring hue bins instead of flipping it from one to the other.
        var green = ColourDescriptor.Describe(Filled(100, 200, (40, 200, 120), (255, 255, 255)), Whole);
        var graded = ColourDescriptor.Describe(Filled(100, 200, (40, 200, 100), (255, 255, 255)), Whole);

        Assert.InRange(DescriptorSimilarity.Colour(green, graded), 0.95, 1.0);
    }

    [Fact]
    public void Grading_that_brightens_and_desaturates_a_garment_keeps_much_of_the_similarity()
    {
        // Value 0.67 and saturation 0.65 against 0.75 and 0.58: hard 3 x 3 bins put the two in different
        // value bins (similarity 0); shared bins move the mass over gradually instead of all at once (0.75
        // for these flat patches, whose every pixel moves together).
        var red = ColourDescriptor.Describe(Filled(100, 200, (60, 60, 170), (255, 255, 255)), Whole);
        var brighter = ColourDescriptor.Describe(Filled(100, 200, (80, 80, 190), (255, 255, 255)), Whole);
        var blue = ColourDescriptor.Describe(Filled(100, 200, (170, 60, 60), (255, 255, 255)), Whole);

        Assert.InRange(DescriptorSimilarity.Colour(red, brighter), 0.6, 1.0);
        Assert.InRange(DescriptorSimilarity.Colour(red, blue), 0, 0.01);
    }

    [Fact]
    public void A_pale_mint_keeps_its_hue_and_does_not_look_like_light_grey()
    {
        // Saturation 0.15: too pale for the earlier 20% cut, which counted it as grey.
        var mint = ColourDescriptor.Describe(Filled(100, 200, (196, 230, 200), (255, 255, 255)), Whole);
        var paleMint = ColourDescriptor.Describe(Filled(100, 200, (200, 235, 206), (255, 255, 255)), Whole);
        var lightGrey = ColourDescriptor.Describe(Filled(100, 200, (215, 215, 215), (255, 255, 255)), Whole);

        Assert.InRange(DescriptorSimilarity.Colour(mint, paleMint), 0.9, 1.0);
        Assert.InRange(DescriptorSimilarity.Colour(mint, lightGrey), 0, 0.05);
    }

    [Fact]
    public void A_box_outside_the_image_or_all_white_describes_as_all_zeros()
    {
        var image = Filled(10, 10, (1, 2, 3), (4, 5, 6));
        Assert.All(ColourDescriptor.Describe(image, new PixelBox(20, 20, 30, 30)), v => Assert.Equal(0, v));
        var white = Filled(10, 10, (255, 255, 255), (250, 252, 255));
        Assert.All(ColourDescriptor.Describe(white, new PixelBox(0, 0, 10, 10)), v => Assert.Equal(0, v));
    }
}
