namespace ShoppableVideo.Benchmarks;

/// <summary>Finds ../shared/data (beside the checkout) by walking up from the binaries.</summary>
public static class BenchmarkData
{
    public static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "videos")))
                return candidate;
        }
        return null;
    }
}
