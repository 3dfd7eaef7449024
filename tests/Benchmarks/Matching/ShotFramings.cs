namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// How a lookbook shot frames its picture. Product shots are reported per framing because the pipeline
/// sees very different pictures: a whole person on a canvas, a garment filling the frame with no whole
/// person, or a person from behind (the catalog photos are front views). The three are disjoint: a back
/// photo dealt a close-up counts as a close-up.
/// </summary>
public static class ShotFramings
{
    public const string WholeOutfit = "whole-outfit";
    public const string CloseUp = "close-up";
    public const string Back = "back";
    public const string Distractor = "distractor";

    public static readonly IReadOnlyList<string> ProductFramings = [WholeOutfit, CloseUp, Back];
}
