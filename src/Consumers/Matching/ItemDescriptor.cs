namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// How an item looks, seen through one or more views (boxes of the same image that frame it differently:
/// the garment region, the person wearing it, the whole photo, its centre). Two items score by their best
/// pair of views, so a torso cut from a video frame meets a catalog photo at whichever framing it shares.
/// </summary>
public sealed record ItemDescriptor(IReadOnlyList<ItemView> Views)
{
    public ItemDescriptor(float[] appearance, float[] colour) : this([new ItemView(appearance, colour)])
    {
    }

    /// <summary>What every product index checks before it stores or searches: at least one view, each as wide
    /// as the index's appearance vectors.</summary>
    public void RequireAppearanceWidth(int dimensions, string parameter)
    {
        if (Views.Count == 0)
            throw new ArgumentException("a descriptor needs at least one view", parameter);
        if (Views.FirstOrDefault(v => v.Appearance.Length != dimensions) is { } wrong)
            throw new ArgumentException(
                $"the product index holds {dimensions}-dimensional appearance vectors, not {wrong.Appearance.Length}", parameter);
    }
}

/// <summary>One view of an item: the appearance embedding and the colour histogram of one box, both
/// L2-normalised. Kept apart (not concatenated) so the weight between them can be tuned without re-indexing.</summary>
public sealed record ItemView(float[] Appearance, float[] Colour);
