using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class VideoDescriptorsFormatTests
{
    static readonly ShotVoteOptions Options = new() { TopK = 3, MinScore = 0.3, NeighboursPerRegion = 2 };

    static VideoDescriptors Sample() => new("resnet18", [
        new ShotDescriptors(0, 3, [
            new FrameDescriptors(10, 0.4, [
                new FrameItem(ItemKind.Upper, new NormalizedBox(0.25, 0, 0.5, 0.5),
                    new ItemDescriptor([new ItemView([0.6f, 0.8f], [1f, 0f, 0f]), new ItemView([0.8f, 0.6f], [0f, 1f, 0f])])),
                new FrameItem(ItemKind.Any, new NormalizedBox(0.1, 0.2, 0.3, 0.4), new ItemDescriptor([0f, 1f], [0f, 0f, 1f])),
            ]),
            new FrameDescriptors(40, 1.6, []),
        ]),
        new ShotDescriptors(1, 1, []),
    ]);

    static VideoDescriptors RoundTrip(VideoDescriptors descriptors)
    {
        using var buffer = new MemoryStream();
        VideoDescriptorsFormat.Write(descriptors, buffer);
        buffer.Position = 0;
        return VideoDescriptorsFormat.Read(buffer);
    }

    [Fact]
    public void Descriptors_read_back_as_written_view_by_view()
    {
        var sample = Sample();
        var read = RoundTrip(sample);

        Assert.Equal(sample.Model, read.Model);
        Assert.Equal(sample.Shots.Select(s => (s.SegmentIndex, s.FrameCount, s.Frames.Count)), read.Shots.Select(s => (s.SegmentIndex, s.FrameCount, s.Frames.Count)));
        var (written, back) = (sample.Shots[0].Frames[0], read.Shots[0].Frames[0]);
        Assert.Equal((written.FrameNumber, written.Seconds), (back.FrameNumber, back.Seconds));
        Assert.Equal(written.Items.Select(i => (i.Kind, i.Box)), back.Items.Select(i => (i.Kind, i.Box)));
        Assert.Equal(written.Items.SelectMany(i => i.Descriptor.Views).SelectMany(v => v.Appearance.Concat(v.Colour)),
            back.Items.SelectMany(i => i.Descriptor.Views).SelectMany(v => v.Appearance.Concat(v.Colour)));
    }

    [Fact]
    public async Task Stored_descriptors_re_matched_against_the_same_index_give_exactly_the_same_matches()
    {
        var index = new ScriptedKnn();
        var matcher = new ShotMatcher(index, Options);

        var first = await matcher.MatchAsync(Sample(), CancellationToken.None);
        var again = await matcher.MatchAsync(RoundTrip(Sample()), CancellationToken.None);

        Assert.NotEmpty(first[0].Products);
        Assert.Equal(first.Select(m => m.SegmentIndex), again.Select(m => m.SegmentIndex));
        Assert.All(first.Zip(again), pair => Assert.Equal(pair.First.Products, pair.Second.Products));
    }

    [Fact]
    public void Another_file_or_a_cut_one_is_refused_with_a_reason()
    {
        Assert.Throws<InvalidDataException>(() => VideoDescriptorsFormat.Read(new MemoryStream("SVFS0002 not descriptors"u8.ToArray())));
        using var buffer = new MemoryStream();
        VideoDescriptorsFormat.Write(Sample(), buffer);
        var cut = buffer.ToArray()[..(int)(buffer.Length / 2)];
        Assert.ThrowsAny<Exception>(() => VideoDescriptorsFormat.Read(new MemoryStream(cut)));
    }

    /// <summary>Scores by the first appearance value, so the answer depends on the descriptor read back.</summary>
    sealed class ScriptedKnn : IProductIndex
    {
        public Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProductHit>>([
                new("MH01-Gray", 0.5 + query.Views[0].Appearance[0] / 2, kind == ItemKind.Any ? ItemKind.Upper : kind),
                new("MH01-Black", 0.4 + query.Views[0].Appearance[1] / 2, kind == ItemKind.Any ? ItemKind.Upper : kind),
            ]);

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
