using System.Diagnostics;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>Test stand-in for the pixels branch's long-lived decoder: one ffmpeg process per image,
/// writing a PPM (its header carries the size), turned into BGR.</summary>
public sealed class FfmpegProcessImageDecoder : IImageDecoder
{
    public async Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            ArgumentList =
            {
                "-v", "error", "-i", "pipe:0", "-frames:v", "1",
                "-vf", $"scale=w='min({maxSide},iw)':h='min({maxSide},ih)':force_original_aspect_ratio=decrease",
                "-f", "image2pipe", "-vcodec", "ppm", "pipe:1",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(encoded, cancellationToken);
        }
        catch (IOException) { }
        process.StandardInput.Close();
        await reading;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || output.Length == 0)
            throw new MediaRejectedException($"not a decodable image: {(await stderr).Trim()}");
        return FromPpm(output.ToArray());
    }

    static BgrImage FromPpm(byte[] ppm)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)ppm[position])) position++;
            var start = position;
            while (!char.IsWhiteSpace((char)ppm[position])) position++;
            return System.Text.Encoding.ASCII.GetString(ppm, start, position - start);
        }
        if (Token() != "P6")
            throw new MediaRejectedException("ffmpeg did not write a PPM");
        var (width, height) = (int.Parse(Token()), int.Parse(Token()));
        Token(); // maximum value, 255
        position++;
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (ppm[position + i + 2], ppm[position + i + 1], ppm[position + i]);
        return new BgrImage(width, height, pixels);
    }
}
