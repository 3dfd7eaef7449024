namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A held-out query photo with what the benchmark needs to frame it: its product's category.</summary>
public sealed record LookbookQuery(string ProductId, string Photo, string Category)
{
    /// <summary>Luma names its back views "…_back.jpg".</summary>
    public bool IsBackView => Path.GetFileName(Photo).Contains("_back", StringComparison.OrdinalIgnoreCase);
}
