using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>The horizontal band of a studio photo, as shares of its height, that a close-up keeps: where
/// the product of that category sits on the model, so the garment fills the frame and the face and feet
/// are cut off.</summary>
public sealed record GarmentBand(double Top, double Bottom)
{
    public double Height => Bottom - Top;

    public static GarmentBand For(string category) => CategoryKinds.For(category) switch
    {
        ItemKind.Upper => new(0.18, 0.58),
        ItemKind.Lower => new(0.45, 0.95),
        // Bags are photographed alone or carried at the waist: the middle of the photo.
        _ => new(0.25, 0.75),
    };
}
