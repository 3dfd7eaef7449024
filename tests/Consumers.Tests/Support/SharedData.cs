namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>Finds the workplace's shared data folder (<c>shared/data</c> beside the checkout) by walking up
/// from the test binaries. It is never part of the repository, so tests that need it skip without it.</summary>
public static class SharedData
{
    public static readonly string? Folder = Find();

    public static string Videos => Path.Combine(Folder ?? throw new InvalidOperationException("shared/data is absent"), "videos");

    public static string Video(string name) => Path.Combine(Videos, name);

    /// <summary>The catalog photos (about 1080x1340 JPEGs).</summary>
    public static string[] CatalogImages() =>
        Directory.GetFiles(Path.Combine(Folder ?? throw new InvalidOperationException("shared/data is absent"), "luma", "images"), "*.jpg").Order().ToArray();

    /// <summary>The shared Luma catalog's rows in file order, the photo as its file name under luma/images.
    /// Split on commas, so rows whose name holds a comma (quoted) are left out.</summary>
    public static IReadOnlyList<LumaRow> LumaRows() =>
        File.ReadLines(Path.Combine(Folder ?? throw new InvalidOperationException("shared/data is absent"), "luma", "catalog.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length == 7)
            .Select(f => new LumaRow(f[0], f[2], f[5], Path.GetFileName(f[6])))
            .ToList();

    static string? Find()
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

/// <summary>One row of the shared Luma catalog: product id, name, category and photo file name.</summary>
public sealed record LumaRow(string Id, string Name, string Category, string Image);

/// <summary>A fact that skips, saying why, where the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
            Skip = "needs ../shared/data (the workplace's real videos), which is not present on this machine";
    }
}

/// <summary>A theory that skips, saying why, where the shared data folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Folder is null)
            Skip = "needs ../shared/data (the workplace's real videos), which is not present on this machine";
    }
}
