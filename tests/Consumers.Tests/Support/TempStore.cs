using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>A FolderObjectStore in a temporary folder. Its videos bucket can be a symbolic link to the
/// shared videos, so tests read the real files without copying them.</summary>
public sealed class TempStore : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("shoppable-tests-").FullName;

    public FolderObjectStore Store { get; }

    public TempStore(bool linkSharedVideos = false)
    {
        Store = new FolderObjectStore(Root);
        if (linkSharedVideos)
            Directory.CreateSymbolicLink(Store.BucketPath(Buckets.Videos), SharedData.Videos);
        else
            Directory.CreateDirectory(Store.BucketPath(Buckets.Videos));
    }

    public string VideoPath(string key) => Store.GetMediaLocation(Buckets.Videos, key);

    public string[] OutputFiles(string pattern = "*") =>
        Directory.Exists(Store.BucketPath(Buckets.Output))
            ? Directory.GetFiles(Store.BucketPath(Buckets.Output), pattern, SearchOption.AllDirectories)
            : [];

    public void Dispose()
    {
        // Delete the link, never what it points to.
        var videos = Store.BucketPath(Buckets.Videos);
        if (new DirectoryInfo(videos).LinkTarget is not null)
            Directory.Delete(videos);
        Directory.Delete(Root, recursive: true);
    }
}
