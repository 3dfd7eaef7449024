using System.Diagnostics;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>One-off image decoding for tests: ffprobe for the size, ffmpeg for bgr24 pixels. The
/// production decoder is a long-lived process; tests only need a picture in memory.</summary>
public static class TestImages
{
    public static string CatalogPhoto(string name) =>
        Path.Combine(SharedData.Folder ?? throw new InvalidOperationException("shared/data is absent"), "luma", "images", name);

    public static BgrImage Decode(string path)
    {
        var size = Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", path]);
        var parts = System.Text.Encoding.ASCII.GetString(size).Trim().Split(',');
        var (width, height) = (int.Parse(parts[0]), int.Parse(parts[1]));
        return new BgrImage(width, height, Run("ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]));
    }

    /// <summary>The image flipped left to right.</summary>
    public static BgrImage Mirror(BgrImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
            image.Pixels.AsSpan(y * image.Stride + x * 3, 3).CopyTo(pixels.AsSpan(y * image.Stride + (image.Width - 1 - x) * 3));
        return new BgrImage(image.Width, image.Height, pixels);
    }

    static byte[] Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
        return bytes.ToArray();
    }
}
