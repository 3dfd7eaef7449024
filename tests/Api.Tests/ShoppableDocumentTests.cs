using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

public class ShoppableDocumentTests
{
    [SharedDataFact]
    public async Task The_document_the_pipeline_writes_for_a_real_video_keeps_the_published_schema()
    {
        await using var host = await EmbeddedHost.StartAsync();
        File.Copy(SharedData.Video(Fixtures.Fence), Path.Combine(host.VideosFolder, "fence.mp4"));

        var status = await host.WaitForVideoAsync("fence.mp4", TimeSpan.FromMinutes(2));

        Assert.Equal("Completed", status.Status.State);
        var document = await File.ReadAllTextAsync(Path.Combine(host.Data.BucketsRoot, "output", status.DocumentKey!));
        Assert.Empty(Schemas.ShoppableDocument.ErrorsIn(document));
    }
}
