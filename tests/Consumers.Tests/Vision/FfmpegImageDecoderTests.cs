using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class FfmpegImageDecoderTests : IAsyncDisposable
{
    const int MaxSide = 256;

    readonly FfmpegImageDecoder _decoder = new(new MediaTools(), new ImageDecoderOptions { PerImageTimeout = TimeSpan.FromSeconds(20) });
    readonly string _folder = Directory.CreateTempSubdirectory("shoppable-decoder-").FullName;

    [SharedDataFact]
    public async Task Many_catalog_jpegs_decode_through_one_process_to_the_pixels_a_one_off_ffmpeg_gives()
    {
        var paths = SharedData.CatalogImages().Take(40).ToList();

        foreach (var path in paths)
        {
            var image = await _decoder.DecodeAsync(await File.ReadAllBytesAsync(path), MaxSide, CancellationToken.None);

            var (width, height) = FfmpegReference.ProbeSize(path);
            Assert.Equal(ImageFit.Inside(width, height, MaxSide), (image.Width, image.Height));
            Assert.True(image.Height == MaxSide || image.Width == MaxSide, $"{path}: {image.Width}x{image.Height}");
            if (paths.IndexOf(path) % 8 == 0)
                AssertClose(FfmpegReference.DecodeBgr(path, image.Width, image.Height), image.Pixels, path);
        }

        Assert.Equal(1, _decoder.ProcessesStarted);
    }

    [Fact]
    public async Task Generated_images_of_every_format_and_size_decode_without_being_enlarged()
    {
        foreach (var (name, size) in new[] { ("a.png", "300x200"), ("b.webp", "120x260"), ("c.gif", "64x48"), ("d.bmp", "500x90"), ("e.jpg", "257x255") })
        {
            var path = Path.Combine(_folder, name);
            Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"testsrc2=s={size}", "-frames:v", "1");
            var (width, height) = FfmpegReference.ProbeSize(path);

            var image = await _decoder.DecodeAsync(await File.ReadAllBytesAsync(path), MaxSide, CancellationToken.None);

            Assert.Equal(ImageFit.Inside(width, height, MaxSide), (image.Width, image.Height));
            AssertClose(FfmpegReference.DecodeBgr(path, image.Width, image.Height), image.Pixels, path);
        }
    }

    [Fact]
    public async Task Images_of_different_sizes_through_one_process_each_come_back_at_their_own_size()
    {
        var sizes = new[] { "320x240", "100x300", "640x360", "90x90", "320x240" };
        foreach (var size in sizes)
        {
            var path = Path.Combine(_folder, $"{size}.jpg");
            Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"testsrc2=s={size}", "-frames:v", "1");
            var (width, height) = FfmpegReference.ProbeSize(path);

            var image = await _decoder.DecodeAsync(await File.ReadAllBytesAsync(path), MaxSide, CancellationToken.None);

            AssertClose(FfmpegReference.DecodeBgr(path, image.Width, image.Height), image.Pixels, path);
            Assert.Equal(ImageFit.Inside(width, height, MaxSide), (image.Width, image.Height));
        }
        Assert.Equal(1, _decoder.ProcessesStarted);
    }

    [Fact]
    public async Task A_corrupt_jpeg_between_two_good_ones_fails_alone_with_a_reason_and_the_next_still_decodes()
    {
        var good = await GenerateAsync("good.jpg", "320x180");
        // Its frame header and end marker are intact, so the managed checks pass it on, but its scan
        // header (SOS) names Huffman tables 5, which cannot exist: only the decoder can tell. (Noise in
        // the entropy-coded data is not enough: JPEG decodes that without complaint, to garbage.)
        var corrupt = good.ToArray();
        var scan = corrupt.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        Assert.Equal(3, corrupt[scan + 4]); // three components, each: id, then DC/AC table selectors
        corrupt[scan + 6] = corrupt[scan + 8] = corrupt[scan + 10] = 0x55;

        var first = await _decoder.DecodeAsync(good, MaxSide, CancellationToken.None);
        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(corrupt, MaxSide, CancellationToken.None));
        var after = await _decoder.DecodeAsync(good, MaxSide, CancellationToken.None);

        Assert.StartsWith("ffmpeg could not decode the image: ", rejected.Reason);
        Assert.Equal(first.Pixels, after.Pixels);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_before_it_reaches_ffmpeg()
    {
        var good = await GenerateAsync("good.jpg", "320x180");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(good.AsMemory(0, good.Length * 2 / 3), MaxSide, CancellationToken.None));

        Assert.Equal("truncated JPEG: no end-of-image marker (FFD9)", rejected.Reason);
        Assert.Equal(0, _decoder.ProcessesStarted);
    }

    [Fact]
    public async Task A_png_bomb_is_refused_before_decoding()
    {
        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(PngBomb.Declaring(100_000, 100_000), MaxSide, CancellationToken.None));

        Assert.Equal("declares 100000x100000 pixels, over the limit of 40000000 pixels", rejected.Reason);
        Assert.Equal(0, _decoder.ProcessesStarted);
    }

    [Fact]
    public async Task Text_is_not_an_image()
    {
        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync("not an image"u8.ToArray(), MaxSide, CancellationToken.None));

        Assert.StartsWith("not an image (", rejected.Reason);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_image()
    {
        var sources = new List<(byte[] Bytes, byte[] Expected)>();
        foreach (var (i, size) in new[] { (0, "320x180"), (1, "180x320"), (2, "200x200"), (3, "256x100") })
        {
            var bytes = await GenerateAsync($"c{i}.jpg", size, pattern: i % 2 == 0 ? "testsrc2" : "mandelbrot");
            var expected = (await _decoder.DecodeAsync(bytes, MaxSide, CancellationToken.None)).Pixels;
            sources.Add((bytes, expected));
        }

        var runs = Enumerable.Range(0, 48).Select(async n =>
        {
            var (bytes, expected) = sources[n % sources.Count];
            var image = await _decoder.DecodeAsync(bytes, MaxSide, CancellationToken.None);
            Assert.Equal(expected, image.Pixels);
        });
        await Task.WhenAll(runs);

        Assert.InRange(_decoder.ProcessesStarted, 1, new ImageDecoderOptions().ProcessesPerKind);
    }

    [Fact]
    public async Task Disposing_the_decoder_refuses_further_images()
    {
        var good = await GenerateAsync("good.jpg", "64x64");
        await _decoder.DecodeAsync(good, MaxSide, CancellationToken.None);

        await _decoder.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _decoder.DecodeAsync(good, MaxSide, CancellationToken.None));
    }

    async Task<byte[]> GenerateAsync(string name, string size, string pattern = "testsrc2")
    {
        var path = Path.Combine(_folder, name);
        Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"{pattern}=s={size}", "-frames:v", "1");
        return await File.ReadAllBytesAsync(path);
    }

    // The same ffmpeg scaler on the same input; only the path through a long-lived process differs. A
    // small tolerance allows for rounding in the colour conversion, nothing more.
    static void AssertClose(byte[] expected, byte[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        long total = 0;
        var worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = Math.Abs(expected[i] - actual[i]);
            total += difference;
            worst = Math.Max(worst, difference);
        }
        Assert.True(total / (double)expected.Length < 1.0 && worst <= 8, $"{what}: mean difference {total / (double)expected.Length:F3}, worst {worst}");
    }

    public async ValueTask DisposeAsync()
    {
        await _decoder.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
