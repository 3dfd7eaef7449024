using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Catalog;

public sealed class DecodedPhotoCacheTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("shoppable-photo-cache-").FullName;
    readonly CountingDecoder _decoder = new(new SkiaImageDecoder(new ImageDecoderOptions()));

    [Fact]
    public async Task The_same_bytes_at_the_same_size_decode_once_and_other_bytes_or_sizes_decode_again()
    {
        using var cache = new DecodedPhotoCache(_decoder);
        var red = Photo("red.jpg", "red");
        var blue = Photo("blue.jpg", "blue");

        var first = await cache.DecodeAsync(red, 128, default);
        var again = await cache.DecodeAsync(red.ToArray(), 128, default);
        Assert.Same(first, again);
        Assert.Equal(1, _decoder.Decodes);

        var other = await cache.DecodeAsync(blue, 128, default);
        var smaller = await cache.DecodeAsync(red, 64, default);
        Assert.Equal(3, _decoder.Decodes);
        Assert.NotEqual(first.Pixels, other.Pixels);
        Assert.Equal(64, Math.Max(smaller.Width, smaller.Height));
    }

    [Fact]
    public async Task Bytes_that_do_not_decode_are_refused_every_time_and_nothing_is_kept()
    {
        using var cache = new DecodedPhotoCache(_decoder);
        var broken = "not an image"u8.ToArray();

        await Assert.ThrowsAsync<Media.MediaRejectedException>(() => cache.DecodeAsync(broken, 128, default));
        await Assert.ThrowsAsync<Media.MediaRejectedException>(() => cache.DecodeAsync(broken, 128, default));
        Assert.Equal(2, _decoder.Decodes);
    }

    byte[] Photo(string name, string colour)
    {
        var path = Path.Combine(_folder, name);
        Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"color=c={colour}:s=200x150", "-frames:v", "1");
        return File.ReadAllBytes(path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    sealed class CountingDecoder(IImageDecoder inner) : IImageDecoder
    {
        public int Decodes { get; private set; }

        public Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken)
        {
            Decodes++;
            return inner.DecodeAsync(encoded, maxSide, cancellationToken);
        }
    }
}
