using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Api.Uploads;

namespace ShoppableVideo.Aws.Tests.Uploads;

/// <summary>Bytes staged as an upload is staged, through the API's own <see cref="StagingArea"/>.</summary>
public static class Staged
{
    static readonly StagingArea Area = new(DataDirectory.At(Directory.CreateTempSubdirectory("sv-aws-staging-").FullName));

    public static Task<StagedFile> Bytes(byte[] content) =>
        Area.StageAsync(ReadOnlyMemory<byte>.Empty, new MemoryStream(content), long.MaxValue, "the test upload", CancellationToken.None);
}
