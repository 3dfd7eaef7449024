using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;

namespace ShoppableVideo.Consumers.Tests.Frames;

public sealed class FfprobeReportTests
{
    const string PortraitPhoneVideo = """
        {"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,
          "avg_frame_rate":"30/1","r_frame_rate":"30/1","duration":"2.000000",
          "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]}],
         "format":{"duration":"2.000000"}}
        """;

    [Fact]
    public void Rotation_comes_from_the_display_matrix_and_is_normalised_to_0_to_359()
    {
        var probe = FfprobeReport.Parse(PortraitPhoneVideo, new MediaLimits());

        Assert.Equal(270, probe.RotationDegrees);
        Assert.Equal(60, probe.EstimatedFrameCount);
    }

    [Fact]
    public void Rotation_falls_back_to_the_rotate_tag_of_older_files()
    {
        var json = """{"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":480,"avg_frame_rate":"0/0","r_frame_rate":"25/1","nb_frames":"50","tags":{"rotate":"90"}}],"format":{"duration":"2.0"}}""";

        var probe = FfprobeReport.Parse(json, new MediaLimits());

        Assert.Equal(90, probe.RotationDegrees);
        Assert.Equal(25, probe.FramesPerSecond);
        Assert.Equal(50, probe.EstimatedFrameCount);
    }

    [Fact]
    public void Cover_art_in_an_audio_file_is_not_taken_for_a_video_stream()
    {
        var json = """{"streams":[{"codec_type":"audio"},{"codec_type":"video","width":600,"height":600,"avg_frame_rate":"0/0","r_frame_rate":"90000/1","disposition":{"attached_pic":1}}],"format":{"duration":"180.0"}}""";

        var rejected = Assert.Throws<MediaRejectedException>(() => FfprobeReport.Parse(json, new MediaLimits()));

        Assert.Equal("the file has no video stream", rejected.Reason);
    }

    [Fact]
    public void A_video_of_zero_duration_is_rejected_as_zero_length()
    {
        var json = """{"streams":[{"codec_type":"video","width":640,"height":480,"avg_frame_rate":"25/1","nb_frames":"0"}],"format":{"duration":"0.000000"}}""";

        var rejected = Assert.Throws<MediaRejectedException>(() => FfprobeReport.Parse(json, new MediaLimits()));

        Assert.Equal("the video has zero length", rejected.Reason);
    }

    [Fact]
    public void A_video_over_the_megapixel_limit_is_rejected_even_within_the_side_limits()
    {
        var json = """{"streams":[{"codec_type":"video","width":8000,"height":8000,"avg_frame_rate":"25/1"}],"format":{"duration":"1.0"}}""";

        var rejected = Assert.Throws<MediaRejectedException>(() => FfprobeReport.Parse(json, new MediaLimits()));

        Assert.Contains("too large (8000x8000)", rejected.Reason);
    }
}
