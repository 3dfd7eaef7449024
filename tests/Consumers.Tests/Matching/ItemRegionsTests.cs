using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class ItemRegionsTests
{
    static Detection Person(float left, float top, float right, float bottom, float score = 0.9f) =>
        new(0, "person", score, new PixelBox(left, top, right, bottom));

    [Fact]
    public void A_whole_person_gives_a_torso_a_hips_to_ankles_and_a_full_region()
    {
        var regions = ItemRegions.From([Person(100, 100, 200, 400)], 640, 480).ToDictionary(r => r.Kind);

        Assert.Equal([ItemKind.Upper, ItemKind.Lower, ItemKind.Full], regions.Keys);
        Assert.InRange(regions[ItemKind.Upper].Box.Top, 130, 150);
        Assert.InRange(regions[ItemKind.Upper].Box.Bottom, 240, 265);
        Assert.InRange(regions[ItemKind.Lower].Box.Top, 230, 250);
        Assert.InRange(regions[ItemKind.Lower].Box.Bottom, 385, 400);
        Assert.Equal(400, regions[ItemKind.Full].Box.Bottom);
    }

    [Fact]
    public void A_person_cut_at_mid_thigh_by_the_photo_keeps_the_visible_hips_as_the_lower_region()
    {
        // Catalog framing: head near the top, the photo ends at the thighs; the box is squat for a person.
        var regions = ItemRegions.From([Person(300, 40, 700, 1000)], 1000, 1000).ToDictionary(r => r.Kind);

        var fullHeight = 400 * 3.3f;
        Assert.InRange(regions[ItemKind.Upper].Box.Bottom, 40 + 0.5f * fullHeight, 40 + 0.55f * fullHeight);
        Assert.InRange(regions[ItemKind.Lower].Box.Top, 40 + 0.45f * fullHeight, 40 + 0.5f * fullHeight);
        Assert.Equal(1000, regions[ItemKind.Lower].Box.Bottom);
    }

    [Fact]
    public void A_person_cut_at_the_top_is_measured_from_the_visible_feet()
    {
        // Luma's shorts framing: 400 wide suggests a person 1320 tall whose head is 420 above the photo,
        // so the hips are near the top edge.
        var regions = ItemRegions.From([Person(300, 0, 700, 900)], 1000, 1000).ToDictionary(r => r.Kind);

        Assert.InRange(regions[ItemKind.Upper].Box.Top, 0, 1);
        Assert.InRange(regions[ItemKind.Lower].Box.Top, 190, 210);
        Assert.InRange(regions[ItemKind.Lower].Box.Bottom, 860, 900);
    }

    [Fact]
    public void A_bottoms_photo_cut_at_both_ends_is_measured_from_the_shoes()
    {
        var person = Person(300, 10, 700, 995);

        var asFrame = ItemRegions.From([person], 1000, 1000).ToDictionary(r => r.Kind);
        var asBottoms = ProductPhotoRegion.Choose(ItemKind.Lower, [person], 1000, 1000);

        // Read head-first (a video frame), the hips of a 1320-tall person are low in the photo; read from
        // the shoes (a bottoms product), they are near the top.
        Assert.InRange(asFrame[ItemKind.Lower].Box.Top, 620, 640);
        Assert.InRange(asBottoms.Region.Box.Top, 280, 300);
        Assert.InRange(asBottoms.Region.Box.Bottom, 950, 995);
    }

    [Fact]
    public void Backpacks_handbags_and_suitcases_are_bags_and_other_objects_are_ignored()
    {
        var regions = ItemRegions.From(
        [
            new Detection(24, "backpack", 0.8f, new PixelBox(0, 0, 10, 10)),
            new Detection(26, "handbag", 0.7f, new PixelBox(0, 0, 10, 10)),
            new Detection(28, "suitcase", 0.6f, new PixelBox(0, 0, 10, 10)),
            new Detection(2, "car", 0.9f, new PixelBox(0, 0, 10, 10)),
        ], 100, 100);

        // No person: the frame's foreground is searched too, across kinds.
        Assert.Equal([ItemKind.Bag, ItemKind.Bag, ItemKind.Bag, ItemKind.Any], regions.Select(r => r.Kind));
    }

    [Fact]
    public void A_close_up_without_a_person_gives_the_frames_foreground_as_an_item_of_any_kind()
    {
        var region = Assert.Single(ItemRegions.From([], 960, 540));

        Assert.Equal(ItemKind.Any, region.Kind);
        Assert.Equal(new PixelBox(0, 0, 960, 540), region.Subject);
        Assert.True(region.Box.Area > 0.4f * 960 * 540 && region.Box.Area < 960 * 540, $"foreground {region.Box}");
    }

    [Fact]
    public void A_person_cut_by_both_the_top_and_the_bottom_of_a_frame_is_a_close_up_and_adds_the_foreground()
    {
        var torso = ItemRegions.From([Person(200, 0, 760, 540)], 960, 540);
        var standing = ItemRegions.From([Person(400, 40, 560, 500)], 960, 540);

        Assert.Contains(torso, r => r.Kind == ItemKind.Any);
        Assert.DoesNotContain(standing, r => r.Kind == ItemKind.Any);
    }

    [Theory]
    [InlineData("Men/Tops/Hoodies & Sweatshirts", ItemKind.Upper)]
    [InlineData("Women/Tops/Bras & Tanks", ItemKind.Upper)]
    [InlineData("Men/Tops/Jackets", ItemKind.Upper)]
    [InlineData("Men/Bottoms/Pants", ItemKind.Lower)]
    [InlineData("Women/Bottoms/Shorts", ItemKind.Lower)]
    [InlineData("Gear/Bags", ItemKind.Bag)]
    [InlineData("Gear/Fitness Equipment", ItemKind.Bag)]
    [InlineData("Women/Dresses", ItemKind.Full)]
    [InlineData("Accessories", ItemKind.Full)]
    public void Categories_map_to_the_part_of_a_person_they_show(string category, ItemKind expected) =>
        Assert.Equal(expected, CategoryKinds.For(category));

    [Fact]
    public void A_product_photo_uses_the_most_confident_person_for_the_products_kind()
    {
        var chosen = ProductPhotoRegion.Choose(ItemKind.Lower,
            [Person(0, 0, 50, 150, 0.4f), Person(100, 50, 200, 350, 0.95f)], 400, 400);

        Assert.Equal(ItemKind.Lower, chosen.Region.Kind);
        Assert.Equal(100, chosen.Region.Box.Left);
        Assert.Equal(0.95f, chosen.Region.DetectionScore);
    }

    [Fact]
    public void A_bag_shot_without_a_detected_bag_is_the_whole_photo_and_a_flat_lay_says_so()
    {
        var bag = ProductPhotoRegion.Choose(ItemKind.Bag, [Person(0, 0, 50, 150)], 300, 200);
        var flatLay = ProductPhotoRegion.Choose(ItemKind.Upper, [], 300, 200);

        Assert.Equal(new PixelBox(0, 0, 300, 200), bag.Region.Box);
        Assert.Equal(new PixelBox(0, 0, 300, 200), flatLay.Region.Box);
        Assert.Contains("no person", flatLay.Analysis);
    }
}
