using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class SkiaImageDecoderTests : IDisposable
{
    const int MaxSide = 256;

    readonly SkiaImageDecoder _decoder = new(new ImageDecoderOptions());
    readonly string _folder = Directory.CreateTempSubdirectory("shoppable-decoder-").FullName;

    [SharedDataFact]
    public async Task Catalog_jpegs_decode_scaled_to_the_fitted_size_and_close_to_ffmpegs_area_filter()
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
    }

    [Fact]
    public async Task Generated_images_of_every_format_and_size_decode_without_being_enlarged()
    {
        // testsrc2's saturated one-pixel colour edges exaggerate how differently the decoders upsample
        // chroma: an unscaled 90x90 JPEG is 6.8 apart, a WebP 4.3. The photos above hold the tight bound.
        foreach (var (name, size) in new[] { ("a.png", "300x200"), ("b.webp", "120x260"), ("c.gif", "64x48"), ("d.bmp", "500x90"), ("e.jpg", "257x255"), ("f.jpg", "90x90") })
        {
            var path = Path.Combine(_folder, name);
            Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"testsrc2=s={size}", "-frames:v", "1");
            var (width, height) = FfmpegReference.ProbeSize(path);

            var image = await _decoder.DecodeAsync(await File.ReadAllBytesAsync(path), MaxSide, CancellationToken.None);

            Assert.Equal(ImageFit.Inside(width, height, MaxSide), (image.Width, image.Height));
            AssertClose(FfmpegReference.DecodeBgr(path, image.Width, image.Height), image.Pixels, path, bound: 8.0);
        }
    }

    [Fact]
    public async Task A_cmyk_jpeg_decodes_to_its_colours_as_ffmpeg_decoded_it()
    {
        // Red on the left half, blue on the right, in Photoshop's inverted CMYK.
        var bytes = CmykJpeg.Create(8, 4, (x, _) => x < 4 ? ((byte)0, (byte)255, (byte)255, (byte)0) : ((byte)255, (byte)255, (byte)0, (byte)0));
        var path = Path.Combine(_folder, "cmyk.jpg");
        await File.WriteAllBytesAsync(path, bytes);

        var image = await _decoder.DecodeAsync(bytes, MaxSide, CancellationToken.None);

        Assert.Equal((64, 32), (image.Width, image.Height));
        Assert.Equal([0, 0, 255], image.Row(16)[..3].ToArray());
        Assert.Equal([255, 0, 0], image.Row(16)[^3..].ToArray());
        AssertClose(FfmpegReference.DecodeBgr(path, 64, 32), image.Pixels, path);
    }

    [Fact]
    public async Task An_exif_rotated_jpeg_comes_out_as_stored_like_ffmpeg_gave_it_so_its_size_is_the_headers()
    {
        var stored = await GenerateAsync("stored.jpg", "320x180");
        var rotated = WithExifOrientation(stored, orientation: 6); // "rotate 90° clockwise to display"

        var image = await _decoder.DecodeAsync(rotated, MaxSide, CancellationToken.None);

        Assert.Equal((256, 144), (image.Width, image.Height));
        Assert.Equal((await _decoder.DecodeAsync(stored, MaxSide, CancellationToken.None)).Pixels, image.Pixels);
    }

    [Fact]
    public async Task A_corrupt_jpeg_between_two_good_ones_fails_alone_with_a_reason()
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

        Assert.Equal("corrupt JPEG: the decoder refused the image data", rejected.Reason);
        Assert.Equal(first.Pixels, after.Pixels);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_before_it_reaches_skia()
    {
        var good = await GenerateAsync("good.jpg", "320x180");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(good.AsMemory(0, good.Length * 2 / 3), MaxSide, CancellationToken.None));

        Assert.Equal("truncated JPEG: no end-of-image marker (FFD9)", rejected.Reason);
    }

    [SharedDataFact]
    public async Task A_progressive_jpeg_cut_at_a_quarter_is_refused_though_skia_would_call_it_a_success()
    {
        var photo = await File.ReadAllBytesAsync(SharedData.CatalogImages()[0]);
        Assert.Equal(0xC2, photo[photo.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC2]) + 1]); // progressive
        var cut = photo[..(photo.Length / 4)];

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(cut, MaxSide, CancellationToken.None));

        Assert.Equal("truncated JPEG: no end-of-image marker (FFD9)", rejected.Reason);
    }

    [SharedDataFact]
    public async Task A_cut_progressive_jpeg_with_its_end_marker_put_back_is_refused_for_its_missing_scans()
    {
        var photo = await File.ReadAllBytesAsync(SharedData.CatalogImages()[0]);
        byte[] quarter = [.. photo[..(photo.Length / 4)], 0xFF, 0xD9];
        byte[] mostly = [.. photo[..(photo.Length * 9 / 10)], 0xFF, 0xD9];

        var early = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(quarter, MaxSide, CancellationToken.None));
        var late = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(mostly, MaxSide, CancellationToken.None));

        Assert.Equal("truncated JPEG: its scans stop before component 1 is complete (coefficient 1 coded only down to bit 3)", early.Reason);
        Assert.Equal("truncated JPEG: its scans stop before component 2 is complete (coefficient 1 never coded)", late.Reason);
    }

    [Fact]
    public async Task A_png_whose_data_stops_short_is_refused_as_truncated_though_its_end_chunk_is_there()
    {
        var png = await GenerateAsync("good.png", "320x180");
        byte[] cut = [.. png[..(png.Length / 2)], .. png[^12..]];

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(cut, MaxSide, CancellationToken.None));

        Assert.Equal("truncated PNG: the image data ends before the last row", rejected.Reason);
    }

    [Fact]
    public async Task A_png_bomb_is_refused_before_decoding()
    {
        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(PngBomb.Declaring(100_000, 100_000), MaxSide, CancellationToken.None));

        Assert.Equal("declares 100000x100000 pixels, over the limit of 40000000 pixels", rejected.Reason);
    }

    [Fact]
    public async Task Text_named_jpg_is_not_an_image()
    {
        var path = Path.Combine(_folder, "fake.jpg");
        await File.WriteAllTextAsync(path, "not an image");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(async () => await _decoder.DecodeAsync(await File.ReadAllBytesAsync(path), MaxSide, CancellationToken.None));

        Assert.Equal("not an image (unknown format: no JPEG, PNG, WebP, GIF or BMP signature)", rejected.Reason);
    }

    [Fact]
    public async Task An_empty_file_is_not_an_image()
    {
        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => _decoder.DecodeAsync(Array.Empty<byte>(), MaxSide, CancellationToken.None));

        Assert.Equal("not an image (the file is empty)", rejected.Reason);
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

        var runs = Enumerable.Range(0, 48).Select(n => Task.Run(async () =>
        {
            var (bytes, expected) = sources[n % sources.Count];
            var image = await _decoder.DecodeAsync(bytes, MaxSide, CancellationToken.None);
            Assert.Equal(expected, image.Pixels);
        }));
        await Task.WhenAll(runs);
    }

    async Task<byte[]> GenerateAsync(string name, string size, string pattern = "testsrc2")
    {
        var path = Path.Combine(_folder, name);
        Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"{pattern}=s={size}", "-frames:v", "1");
        return await File.ReadAllBytesAsync(path);
    }

    // An APP1 Exif segment (big-endian TIFF, one IFD0 entry: Orientation) right after the SOI marker.
    static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];
        byte[] body = [.. "Exif"u8, 0, 0, .. tiff];
        var length = body.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. body, .. jpeg[2..]];
    }

    // Skia's decoder and resampler against a one-off ffmpeg (its own JPEG decoder, the area filter from
    // full size): the reduced-size decode and the cubic differ a little on edges, so the bound is on the
    // mean. Measured on catalog photos at 256: 1.0 on average.
    static void AssertClose(byte[] expected, byte[] actual, string what, double bound = 2.0)
    {
        Assert.Equal(expected.Length, actual.Length);
        long total = 0;
        for (var i = 0; i < expected.Length; i++)
            total += Math.Abs(expected[i] - actual[i]);
        var mean = total / (double)expected.Length;
        Assert.True(mean < bound, $"{what}: mean difference {mean:F3}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
