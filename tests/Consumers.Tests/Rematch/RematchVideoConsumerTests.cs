using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Rematch;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Rematch;

/// <summary>The re-match step against a real folder bucket and a scripted index: which version it writes, and
/// when it writes none.</summary>
public sealed class RematchVideoConsumerTests : IAsyncDisposable
{
    static readonly NormalizedBox Box = new(0.25, 0, 0.5, 0.5);

    readonly string root = Path.Combine(Path.GetTempPath(), $"sv-rematch-{Guid.NewGuid():N}");
    readonly ScriptedIndex index = new();
    readonly ServiceProvider provider;
    readonly ITestHarness harness;

    public RematchVideoConsumerTests()
    {
        provider = new ServiceCollection()
            .AddSingleton<IObjectStore>(new FolderObjectStore(root))
            .AddSingleton<IProductIndex>(index)
            .AddSingleton(new ShotVoteOptions { TopK = 3, MinScore = 0.5, NeighboursPerRegion = 2 })
            .AddSingleton(sp => new ShotMatcher(sp.GetRequiredService<IProductIndex>(), sp.GetRequiredService<ShotVoteOptions>()))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Results>()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<RematchVideoConsumer>();
                x.AddConsumer<ResultListener>();
                // An idle harness ends every wait: five idle seconds, not the default 1.2, on a loaded machine.
                x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(5));
            })
            .BuildServiceProvider(true);
        harness = provider.GetRequiredService<ITestHarness>();
    }

    IObjectStore Store => provider.GetRequiredService<IObjectStore>();

    public async ValueTask DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_product_new_to_the_index_gives_the_next_version_with_the_reason_and_a_repeated_command_writes_no_other()
    {
        await harness.Start();
        var video = Guid.NewGuid();
        await WriteFirstVersionAsync(video, []);
        await VideoDescriptorsFormat.StoreAsync(Store, video, Descriptors(), default);
        index.Answer = [new ProductHit("WH01-Green", 0.95, ItemKind.Upper)];

        var command = new RematchVideo(Guid.NewGuid(), video, "catalog batch b1 (shop/new-in.csv: 1 ingested, 0 removed)");
        var result = await RematchAsync(command);
        // The command delivered again (the saga's timeout re-issued it): the version it wrote is reported, no third.
        var again = await RematchAsync(command with { RematchId = Guid.NewGuid() });

        Assert.Equal((2, true, $"videos/{video:N}/shoppable.v2.json"), (result.Version, result.Changed, result.DocumentKey));
        Assert.Equal((2, true, result.DocumentKey), (again.Version, again.Changed, again.DocumentKey));
        Assert.Equal([1, 2], (await ShoppableVersions.ListAsync(Store, video, default)).Select(v => v.Version));
        var written = await ShoppableVersions.ReadAsync(Store, result.DocumentKey, default);
        Assert.Equal((2, command.Reason), (written.Version, written.Reason));
        Assert.NotNull(written.CreatedAt);
        Assert.Equal("WH01-Green", Assert.Single(written.Segments[0].Products).ProductId);
        // Everything but the products is the first version's.
        var first = await ShoppableVersions.ReadAsync(Store, ShoppableDocument.KeyFor(video), default);
        Assert.Equal((first.Video, first.Analysis), (written.Video, written.Analysis));
        Assert.Equal(first.Segments[0].Frames, written.Segments[0].Frames);
    }

    [Fact]
    public async Task Matches_equal_to_the_latest_versions_write_nothing()
    {
        await harness.Start();
        var video = Guid.NewGuid();
        index.Answer = [new ProductHit("MH01-Black", 0.95, ItemKind.Upper)];
        var matches = await new ShotMatcher(index, provider.GetRequiredService<ShotVoteOptions>()).MatchAsync(Descriptors(), default);
        await WriteFirstVersionAsync(video, matches[0].Products);
        await VideoDescriptorsFormat.StoreAsync(Store, video, Descriptors(), default);

        var result = await RematchAsync(new RematchVideo(Guid.NewGuid(), video, "catalog batch b2"));

        Assert.Equal((1, false), (result.Version, result.Changed));
        Assert.StartsWith("unchanged", result.Outcome);
        Assert.Single(await ShoppableVersions.ListAsync(Store, video, default));
    }

    [Fact]
    public async Task A_video_without_stored_descriptors_is_left_as_it_is_and_says_why()
    {
        await harness.Start();
        var video = Guid.NewGuid();
        await WriteFirstVersionAsync(video, []);

        var result = await RematchAsync(new RematchVideo(Guid.NewGuid(), video, "catalog batch b3"));

        Assert.Equal((1, false, RematchVideoConsumer.NoDescriptors), (result.Version, result.Changed, result.Outcome));
    }

    [Fact]
    public async Task A_video_without_a_document_is_refused()
    {
        await harness.Start();
        var command = new RematchVideo(Guid.NewGuid(), Guid.NewGuid(), "catalog batch b4");

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<RematchStepFailed>(m => m.Context.Message.RematchId == command.RematchId));
    }

    /// <summary>Publishes the command and waits for its result to arrive on the bus.</summary>
    async Task<VideoRematchResult> RematchAsync(RematchVideo command)
    {
        var result = provider.GetRequiredService<Results>().For(command.RematchId);
        await harness.Bus.Publish(command);
        return await result.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The results the consumer published, by re-match.</summary>
    public sealed class Results
    {
        readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<VideoRematchResult>> waiting = new();

        public Task<VideoRematchResult> For(Guid rematchId) => Source(rematchId).Task;

        public void Arrived(VideoRematchResult result) => Source(result.RematchId).TrySetResult(result);

        TaskCompletionSource<VideoRematchResult> Source(Guid id) =>
            waiting.GetOrAdd(id, _ => new TaskCompletionSource<VideoRematchResult>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public sealed class ResultListener(Results results) : IConsumer<VideoRematchResult>
    {
        public Task Consume(ConsumeContext<VideoRematchResult> context)
        {
            results.Arrived(context.Message);
            return Task.CompletedTask;
        }
    }

    static VideoDescriptors Descriptors() => new("test", [
        new ShotDescriptors(0, 1, [new FrameDescriptors(10, 0.4, [new FrameItem(ItemKind.Upper, Box, new ItemDescriptor([1f], [1f]))])]),
    ]);

    async Task WriteFirstVersionAsync(Guid video, IReadOnlyList<ProductMatch> products)
    {
        var document = new ShoppableDocument("2.0", video, new ShoppableVideoInfo("videos", "v.mp4", 1, "sha256:00", 3, 25, 640, 480), "complete",
            [new ShoppableSegment(0, 0, 74, 0, 3, [new RepresentativeFrame(10, 0.4, $"videos/{video:N}/frames/000010.bgr")], products)]);
        await Store.WriteAsync(Buckets.Output, ShoppableDocument.KeyFor(video),
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, PublishMetadataConsumer.JsonOptions)));
    }

    sealed class ScriptedIndex : IProductIndex
    {
        public IReadOnlyList<ProductHit> Answer { get; set; } = [];

        public Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProductHit>>(Answer.Take(k).ToList());

        public Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string productId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
