using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Frames;

public class RawFrameFormatTests
{
    [Fact]
    public async Task A_frame_written_and_read_back_is_the_same_image()
    {
        var pixels = new byte[5 * 3 * 3];
        new Random(1).NextBytes(pixels);
        using var stream = new MemoryStream();

        await RawFrameFormat.WriteAsync(new BgrImage(5, 3, pixels), stream);
        stream.Position = 0;
        var read = await RawFrameFormat.ReadAsync(stream);

        Assert.Equal(RawFrameFormat.HeaderLength + pixels.Length, stream.Length);
        Assert.Equal("SVRF0001"u8.ToArray(), stream.ToArray()[..8]);
        Assert.Equal((5, 3), (read.Width, read.Height));
        Assert.Equal(pixels, read.Pixels);
    }

    [Fact]
    public async Task A_file_that_is_not_a_raw_frame_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RawFrameFormat.ReadAsync(new MemoryStream("\xFF\xD8 a jpeg, say"u8.ToArray())));

        Assert.Equal("Not a raw frame (unknown header).", error.Message);
    }

    [Fact]
    public async Task A_raw_frame_cut_short_is_refused()
    {
        byte[] cut = [.. RawFrameFormat.Header(4, 4), .. new byte[4 * 4 * 3 - 1]];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RawFrameFormat.ReadAsync(new MemoryStream(cut)));

        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public async Task A_raw_frame_declaring_an_impossible_size_is_refused_before_allocating()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RawFrameFormat.ReadAsync(new MemoryStream(RawFrameFormat.Header(100_000, 100_000))));

        Assert.Contains("impossible size 100000x100000", error.Message);
    }
}
