using System.Buffers;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Vision.Pixels;
using SkiaSharp;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// Decodes still images in process with Skia's codecs (libjpeg-turbo, libpng, libwebp...). The header
/// is read in managed code first, so a bomb or a non-image never reaches a native decoder, and the
/// structure check names a truncated file before Skia can paper over it: Skia fills a progressive JPEG
/// cut at 25 % with what the early scans hold and calls it a success.
///
/// A JPEG is decoded straight to a reduced size with libjpeg's DCT scaling (1/8 steps), then resampled
/// to the fitted size with Mitchell's cubic. The reduced size keeps a margin of about a third over the
/// fitted one: libjpeg's reduced IDCT drifts further from an area average the further it scales, and the
/// cubic finishes better from a little above. Measured against ffmpeg's area filter from full size (what
/// analysis was tuned on), mean absolute difference per channel over 22 catalog photos (1080x1340):
/// at 640, 0.64 with the margin against 0.90 without (linear with mipmaps 0.67 / 0.91, Catmull-Rom
/// 0.72 / 0.92); at 256, 1.02 against 1.93. A full-size decode gets 0.54 at 640, for a decode ~4x slower.
///
/// EXIF orientation is not applied, as ffmpeg did not apply it either: the pixels come out as stored,
/// so their size is the one the header declared.
/// </summary>
public sealed class SkiaImageDecoder(ImageDecoderOptions options) : IImageDecoder
{
    static readonly SKSamplingOptions Resampling = new(SKCubicResampler.Mitchell);

    /// <summary>How much larger than the fitted size the codec's reduced-size decode should be (see above).</summary>
    const double DecodeMargin = 1.35;

    public Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decode(encoded.Span, maxSide));
    }

    BgrImage Decode(ReadOnlySpan<byte> encoded, int maxSide)
    {
        var header = ImageHeaderReader.Read(encoded);
        if (header.FindOverLimit(options.MaxImagePixels) is { } tooLarge)
            throw new MediaRejectedException(tooLarge);
        if (ImageStructure.FindProblem(header.Format, encoded) is { } problem)
            throw new MediaRejectedException(problem);

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new MediaRejectedException($"corrupt {Name(header.Format)}: Skia cannot read it");
        if (codec.Info.Width != header.Width || codec.Info.Height != header.Height)
            throw new MediaRejectedException(
                $"corrupt {Name(header.Format)}: the header declares {header.Width}x{header.Height} pixels but the decoder reads {codec.Info.Width}x{codec.Info.Height}");

        var (width, height) = ImageFit.Inside(header.Width, header.Height, maxSide);
        var scaled = codec.GetScaledDimensions((float)Math.Min(1.0, DecodeMargin * width / header.Width));
        // A codec that cannot scale (or would undershoot) decodes at full size; the resample does the rest.
        if (scaled.Width < width || scaled.Height < height)
            scaled = codec.Info.Size;

        // Unpremultiplied: colour is kept as stored under transparent pixels and alpha is then dropped, as
        // ffmpeg's conversion to bgr24 did. No colour space: no ICC conversion, also as before.
        var decodedInfo = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
        var decoded = ArrayPool<byte>.Shared.Rent(decodedInfo.BytesSize);
        byte[]? resampled = null;
        try
        {
            var result = Decode(codec, decodedInfo, decoded);
            if (result != SKCodecResult.Success)
                throw new MediaRejectedException(Reason(header.Format, result));
            if (scaled.Width == width && scaled.Height == height)
                return ToBgr(decoded, width, height);

            var fittedInfo = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
            resampled = ArrayPool<byte>.Shared.Rent(fittedInfo.BytesSize);
            if (!Resample(decodedInfo, decoded, fittedInfo, resampled))
                throw new MediaRejectedException($"{Name(header.Format)} image could not be resampled to {width}x{height}");
            return ToBgr(resampled, width, height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
            if (resampled is not null)
                ArrayPool<byte>.Shared.Return(resampled);
        }
    }

    static unsafe SKCodecResult Decode(SKCodec codec, SKImageInfo info, byte[] into)
    {
        fixed (byte* pixels = into)
            return codec.GetPixels(info, (IntPtr)pixels, info.RowBytes, new SKCodecOptions(SKZeroInitialized.No));
    }

    static unsafe bool Resample(SKImageInfo fromInfo, byte[] from, SKImageInfo toInfo, byte[] to)
    {
        fixed (byte* source = from)
        fixed (byte* target = to)
        {
            using var sourcePixels = new SKPixmap(fromInfo, (IntPtr)source, fromInfo.RowBytes);
            using var targetPixels = new SKPixmap(toInfo, (IntPtr)target, toInfo.RowBytes);
            return sourcePixels.ScalePixels(targetPixels, Resampling);
        }
    }

    // BGRA rows packed back to back become the packed BGR the models read: drop every fourth byte.
    static BgrImage ToBgr(byte[] bgra, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int from = 0, to = 0; to < pixels.Length; from += 4, to += 3)
        {
            pixels[to] = bgra[from];
            pixels[to + 1] = bgra[from + 1];
            pixels[to + 2] = bgra[from + 2];
        }
        return new BgrImage(width, height, pixels);
    }

    // Anything short of a whole image is a refusal: Skia returns the rows it managed with
    // IncompleteInput (the rest left as it found them), which must never reach analysis as pixels.
    static string Reason(ImageFormat format, SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => $"truncated {Name(format)}: the image data ends before the last row",
        SKCodecResult.ErrorInInput => $"corrupt {Name(format)}: the image data has errors",
        SKCodecResult.InvalidInput => $"corrupt {Name(format)}: the decoder refused the image data",
        _ => $"{Name(format)} image could not be decoded ({result})",
    };

    static string Name(ImageFormat format) => format switch
    {
        ImageFormat.WebP => "WebP",
        _ => format.ToString().ToUpperInvariant(),
    };
}
