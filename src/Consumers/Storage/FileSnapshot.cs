namespace ShoppableVideo.Consumers.Storage;

/// <summary>What says a file is unchanged without reading it: its size, write time and creation (birth)
/// time. The creation time tells apart a file replaced by another of the same size and write time, as a
/// rename of a copy made with its times kept.</summary>
public sealed record FileSnapshot(long Size, DateTime Modified, DateTime Created)
{
    /// <summary>Null when there is no file at <paramref name="path"/>.</summary>
    public static FileSnapshot? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileSnapshot(info.Length, info.LastWriteTimeUtc, info.CreationTimeUtc) : null;
    }
}
