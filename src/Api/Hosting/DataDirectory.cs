namespace ShoppableVideo.Api.Hosting;

/// <summary>The embedded profile's one folder: buckets as sub-folders and one SQLite file.</summary>
public sealed record DataDirectory(string Root)
{
    public string BucketsRoot => Path.Combine(Root, "buckets");
    public string DatabasePath => Path.Combine(Root, "shoppable.db");

    /// <summary>Work files of running steps (a decode's candidate frames), beside the buckets so the
    /// watcher never sees them.</summary>
    public string ScratchRoot => Path.Combine(Root, "scratch");

    public static DataDirectory At(string path) => new(Path.GetFullPath(path));

    public DataDirectory EnsureCreated()
    {
        foreach (var bucket in Consumers.Storage.Buckets.All)
            Directory.CreateDirectory(Path.Combine(BucketsRoot, bucket));
        return this;
    }
}
