using System.Text;
using ShoppableVideo.Api.Uploads;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>The sniffer on real files made by ffmpeg, and on things that are not videos.</summary>
public class VideoSnifferTests
{
    [Theory]
    [InlineData("clip.mp4", "libx264", "MP4/QuickTime")]
    [InlineData("clip.mov", "mpeg4", "MP4/QuickTime")]
    [InlineData("clip.3gp", "mpeg4", "MP4/QuickTime")]
    [InlineData("clip.webm", "libvpx", "Matroska/WebM")]
    [InlineData("clip.mkv", "mpeg4", "Matroska/WebM")]
    [InlineData("clip.avi", "mpeg4", "AVI")]
    [InlineData("clip.ts", "mpeg2video", "MPEG-TS")]
    [InlineData("clip.mpg", "mpeg2video", "MPEG-PS")]
    [InlineData("clip.flv", "flv", "FLV")]
    [InlineData("clip.ogv", "libtheora", "Ogg")]
    [InlineData("clip.wmv", "wmv2", "ASF/WMV")]
    public void Real_video_files_are_recognised_by_their_first_bytes(string fileName, string codec, string expected)
    {
        var video = UploadFixtures.Make(fileName, "-f", "lavfi", "-i", "testsrc=size=176x144:rate=10:duration=1", "-c:v", codec);

        Assert.Equal(expected, VideoSniffer.Sniff(video.AsSpan(0, Math.Min(video.Length, VideoSniffer.HeadLength)))?.Name);
    }

    [Fact]
    public void Text_is_not_a_video_and_is_described_as_text()
    {
        var text = Encoding.UTF8.GetBytes("G is for the first letter of this line, which looks nothing like a video.\n");

        Assert.Null(VideoSniffer.Sniff(text));
        Assert.Equal("text/plain", ContentDescriber.Describe(text));
    }

    [Fact]
    public void A_JPEG_is_not_a_video_and_is_described_as_a_JPEG()
    {
        var jpeg = UploadFixtures.Jpeg();

        Assert.Null(VideoSniffer.Sniff(jpeg));
        Assert.Equal("image/jpeg", ContentDescriber.Describe(jpeg));
    }

    [Fact]
    public void Empty_input_is_not_a_video()
    {
        Assert.Null(VideoSniffer.Sniff([]));
        Assert.Equal("nothing (empty)", ContentDescriber.Describe([]));
    }

    [Fact]
    public void A_file_that_merely_starts_with_the_transport_stream_sync_byte_is_not_a_video()
    {
        var bytes = new byte[1024];
        bytes[0] = 0x47;

        Assert.Null(VideoSniffer.Sniff(bytes));
    }
}
