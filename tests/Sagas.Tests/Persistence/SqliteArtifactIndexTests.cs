using ShoppableVideo.Sqlite;
using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

public sealed class SqliteArtifactIndexTests : IAsyncLifetime
{
    readonly TempSqliteDatabase _temp = new();
    readonly SqliteArtifactIndex _index;

    public SqliteArtifactIndexTests()
    {
        _index = new SqliteArtifactIndex(_temp.Database);
    }

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task Recording_the_same_artifact_twice_keeps_one_entry_with_the_latest_attributes_and_the_first_time()
    {
        var owner = Guid.NewGuid().ToString("D");

        await _index.RecordAsync(owner, ArtifactKinds.Frame, "frames/000001.jpg", """{"t":0.5}""");
        var first = Assert.Single(await _index.ListAsync(owner));
        await _index.RecordAsync(owner, ArtifactKinds.Frame, "frames/000001.jpg", """{"t":0.5,"w":640}""");

        var entry = Assert.Single(await _index.ListAsync(owner));
        Assert.Equal("""{"t":0.5,"w":640}""", entry.AttributesJson);
        Assert.Equal(first.CreatedAt, entry.CreatedAt);
    }

    [Fact]
    public async Task Listing_by_kind_returns_only_that_kind_of_the_owner()
    {
        var owner = Guid.NewGuid().ToString("D");
        var someoneElse = Guid.NewGuid().ToString("D");
        await _index.RecordAsync(owner, ArtifactKinds.Frame, "f1");
        await _index.RecordAsync(owner, ArtifactKinds.Segment, "s1");
        await _index.RecordAsync(owner, ArtifactKinds.Segment, "s0", """{"start":0}""");
        await _index.RecordAsync(someoneElse, ArtifactKinds.Segment, "s9");

        var segments = await _index.ListAsync(owner, ArtifactKinds.Segment);
        var all = await _index.ListAsync(owner);

        Assert.Equal(["s0", "s1"], segments.Select(e => e.Key));
        Assert.Null(segments[1].AttributesJson);
        Assert.Equal(3, all.Count);
    }
}
