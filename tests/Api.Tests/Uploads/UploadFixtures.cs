using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>Small media made with ffmpeg for the upload tests, each in a fresh temporary folder.</summary>
public static class UploadFixtures
{
    /// <summary>A 2-second 320x240 H.264 MP4, well under 64 KiB.</summary>
    public static byte[] SmallMp4(string pattern = "testsrc") => Make("clip.mp4",
        "-f", "lavfi", "-i", $"{pattern}=size=320x240:rate=10:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p");

    /// <summary>A high-bitrate MP4, a few hundred KiB: over a 64 KiB limit.</summary>
    public static byte[] LargeMp4() => Make("large.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=2", "-c:v", "mpeg4", "-q:v", "1");

    /// <summary>A 320x240 JPEG of the test pattern.</summary>
    public static byte[] Jpeg() => Make("still.jpg", "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1");

    /// <summary>A noisy 1280x720 JPEG at top quality: a few hundred KiB.</summary>
    public static byte[] LargeJpeg() => Make("noisy.jpg",
        "-f", "lavfi", "-i", "testsrc2=size=1280x720", "-vf", "noise=alls=100:allf=t", "-q:v", "1", "-frames:v", "1");

    public static byte[] Make(string fileName, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("sv-upload-fixture-").FullName;
        try
        {
            var path = Path.Combine(folder, fileName);
            Ffmpeg.Generate(path, arguments);
            return File.ReadAllBytes(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
