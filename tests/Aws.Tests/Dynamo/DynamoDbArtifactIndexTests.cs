using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

public sealed class DynamoDbArtifactIndexTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>, IAsyncLifetime
{
    ObservedDynamoDbClient _client = null!;
    DynamoDbArtifactIndex _index = null!;

    public async Task InitializeAsync()
    {
        var settings = await dynamo.NewTablesAsync();
        _client = new ObservedDynamoDbClient(settings);
        _index = new DynamoDbArtifactIndex(_client, settings.ArtifactTable);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Recording_the_same_artifact_twice_keeps_one_entry_with_the_latest_attributes_and_the_first_time()
    {
        var owner = Guid.NewGuid().ToString("D");

        await _index.RecordAsync(owner, ArtifactKinds.Frame, "frames/000001.jpg", """{"t":0.5}""");
        var first = Assert.Single(await _index.ListAsync(owner));
        await _index.RecordAsync(owner, ArtifactKinds.Frame, "frames/000001.jpg", """{"t":0.5,"w":640}""");

        var entry = Assert.Single(await _index.ListAsync(owner));
        Assert.Equal(owner, entry.OwnerId);
        Assert.Equal(ArtifactKinds.Frame, entry.Kind);
        Assert.Equal("frames/000001.jpg", entry.Key);
        Assert.Equal("""{"t":0.5,"w":640}""", entry.AttributesJson);
        Assert.Equal(first.CreatedAt, entry.CreatedAt);
    }

    [Fact]
    public async Task Re_recording_without_attributes_clears_them_as_the_sqlite_index_does()
    {
        var owner = Guid.NewGuid().ToString("D");

        await _index.RecordAsync(owner, ArtifactKinds.Metadata, "videos/x/shoppable.json", """{"v":1}""");
        await _index.RecordAsync(owner, ArtifactKinds.Metadata, "videos/x/shoppable.json");

        Assert.Null(Assert.Single(await _index.ListAsync(owner)).AttributesJson);
    }

    [Fact]
    public async Task Listing_by_kind_returns_only_that_kind_of_the_owner_in_key_order()
    {
        var owner = Guid.NewGuid().ToString("D");
        var someoneElse = Guid.NewGuid().ToString("D");
        await _index.RecordAsync(owner, ArtifactKinds.Frame, "f1");
        // "frame-signals" begins with "frame": the kind prefix must not match it.
        await _index.RecordAsync(owner, ArtifactKinds.FrameSignals, "signals");
        await _index.RecordAsync(owner, ArtifactKinds.Segment, "s1");
        await _index.RecordAsync(owner, ArtifactKinds.Segment, "s0", """{"start":0}""");
        await _index.RecordAsync(someoneElse, ArtifactKinds.Segment, "s9");

        var segments = await _index.ListAsync(owner, ArtifactKinds.Segment);
        var frames = await _index.ListAsync(owner, ArtifactKinds.Frame);
        var all = await _index.ListAsync(owner);

        Assert.Equal(["s0", "s1"], segments.Select(e => e.Key));
        Assert.Null(segments[1].AttributesJson);
        Assert.Equal(["f1"], frames.Select(e => e.Key));
        Assert.Equal([ArtifactKinds.Frame, ArtifactKinds.FrameSignals, ArtifactKinds.Segment, ArtifactKinds.Segment],
            all.Select(e => e.Kind));
        Assert.All(_client.Reads, r => Assert.True(r.ConsistentRead));
    }

    [Fact]
    public async Task A_kind_containing_the_sort_key_separator_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _index.RecordAsync(Guid.NewGuid().ToString("D"), "frame#x", "k"));
    }
}
