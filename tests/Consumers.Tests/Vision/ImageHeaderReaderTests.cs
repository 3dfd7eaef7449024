using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class ImageHeaderReaderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("shoppable-headers-").FullName;

    [SharedDataFact]
    public void Real_catalog_jpegs_give_the_size_ffprobe_reports()
    {
        // Every tenth photo: enough variety, and each one costs an ffprobe.
        foreach (var path in SharedData.CatalogImages().Where((_, i) => i % 10 == 0))
        {
            var header = ImageHeaderReader.Read(File.ReadAllBytes(path).AsSpan(0, Math.Min(ImageHeaderReader.HeadLength, (int)new FileInfo(path).Length)));

            Assert.Equal(ImageFormat.Jpeg, header.Format);
            Assert.Equal(FfmpegReference.ProbeSize(path), (header.Width, header.Height));
        }
    }

    [Theory]
    [InlineData("png", ImageFormat.Png, new string[0])]
    [InlineData("webp", ImageFormat.WebP, new string[0])]
    [InlineData("webp", ImageFormat.WebP, new[] { "-lossless", "1" })]
    [InlineData("gif", ImageFormat.Gif, new string[0])]
    [InlineData("bmp", ImageFormat.Bmp, new string[0])]
    [InlineData("jpg", ImageFormat.Jpeg, new string[0])]
    public void Generated_images_of_each_format_give_the_size_ffprobe_reports(string extension, ImageFormat format, string[] encoderOptions)
    {
        var path = Path.Combine(_folder, $"odd.{extension}");
        Ffmpeg.Generate(path, ["-f", "lavfi", "-i", "testsrc=s=333x187", "-frames:v", "1", .. encoderOptions]);

        var header = ImageHeaderReader.Read(File.ReadAllBytes(path));

        Assert.Equal(format, header.Format);
        Assert.Equal(FfmpegReference.ProbeSize(path), (header.Width, header.Height));
    }

    [Fact]
    public void An_extended_webp_header_gives_its_canvas_size()
    {
        // RIFF, WEBP, then a VP8X chunk: flags, 3 reserved bytes, canvas width-1 and height-1 as 24-bit
        // little-endian. ffmpeg only writes VP8X for animations, so the chunk is spelled out here.
        byte[] vp8x =
        [
            .. "RIFF"u8, 30, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0,
            0x10, 0, 0, 0, 0x2C, 0x01, 0x00, 0x62, 0x00, 0x00,
        ];

        Assert.Equal(new ImageHeader(ImageFormat.WebP, 301, 99), ImageHeaderReader.Read(vp8x));
    }

    [Fact]
    public void A_png_bomb_declares_its_size_without_being_decoded()
    {
        var header = ImageHeaderReader.Read(PngBomb.Declaring(100_000, 100_000));

        Assert.Equal(new ImageHeader(ImageFormat.Png, 100_000, 100_000), header);
        Assert.Equal("declares 100000x100000 pixels, over the limit of 40000000 pixels", header.FindOverLimit(40_000_000));
    }

    [Fact]
    public void A_text_file_named_jpg_is_not_an_image()
    {
        var rejected = Assert.Throws<MediaRejectedException>(() => ImageHeaderReader.Read("not an image\n"u8));

        Assert.StartsWith("not an image (unknown format", rejected.Reason);
    }

    [Fact]
    public void An_empty_file_is_not_an_image()
    {
        var rejected = Assert.Throws<MediaRejectedException>(() => ImageHeaderReader.Read([]));

        Assert.Equal("not an image (the file is empty)", rejected.Reason);
    }

    [Fact]
    public void A_jpeg_cut_off_before_its_frame_header_is_called_truncated()
    {
        var path = Path.Combine(_folder, "whole.jpg");
        Ffmpeg.Generate(path, "-f", "lavfi", "-i", "testsrc2=s=64x64", "-frames:v", "1");
        var bytes = File.ReadAllBytes(path);

        var rejected = Assert.Throws<MediaRejectedException>(() => ImageHeaderReader.Read(bytes.AsSpan(0, 40)));

        Assert.StartsWith("not an image (truncated JPEG", rejected.Reason);
    }

    [Fact]
    public void A_jpeg_signature_followed_by_garbage_is_called_corrupt()
    {
        byte[] garbage = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC];

        var rejected = Assert.Throws<MediaRejectedException>(() => ImageHeaderReader.Read(garbage));

        Assert.Equal("not an image (corrupt JPEG: expected a marker at byte 8)", rejected.Reason);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
