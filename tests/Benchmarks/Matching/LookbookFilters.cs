using System.Globalization;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>The ffmpeg arguments that render one planned shot to a clip of exactly its frame count.</summary>
public static class LookbookFilters
{
    public const int Width = 960;
    public const int Height = 540;

    /// <summary>Input arguments, filter graph and frame count for one shot. All clips share size, rate,
    /// pixel format and codec, so they concatenate without re-encoding and cut exactly where one ends.</summary>
    public static IReadOnlyList<string> Arguments(LookbookShot shot, string output)
    {
        var inputs = shot.IsDistractor
            ? new[] { "-ss", F(shot.SourceStartSeconds), "-i", shot.Source }
            : new[] { "-i", shot.Source };
        return [
            "-nostdin", "-v", "error", "-y", .. inputs,
            "-filter_complex", Filter(shot), "-frames:v", shot.Frames.ToString(CultureInfo.InvariantCulture),
            "-an", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
            "-r", LookbookPlanner.FramesPerSecond.ToString(CultureInfo.InvariantCulture), output,
        ];
    }

    public static string Filter(LookbookShot shot)
    {
        var fps = LookbookPlanner.FramesPerSecond;
        if (shot.IsDistractor)
            return $"fps={fps},scale={Width}:{Height}:force_original_aspect_ratio=decrease,pad={Width}:{Height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p";
        // The photo is brought to twice the output size, so that zoompan's whole-pixel steps do not shake;
        // it then zooms slowly into the middle.
        return Canvas(shot.CloseUpBand) + string.Create(CultureInfo.InvariantCulture,
            $"zoompan=z='1+{shot.Jitter.ZoomPerFrame:0.######}*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d={shot.Frames}:s={Width}x{Height}:fps={fps}," +
            $"eq=brightness={shot.Jitter.Brightness:0.###}:saturation={shot.Jitter.Saturation:0.###},hue=h={shot.Jitter.HueDegrees:0.###},setsar=1,format=yuv420p");
    }

    /// <summary>Whole outfit: the portrait photo on a white 16:9 canvas. Close-up: the garment's band of the
    /// photo scaled to fill the frame, cropping what overflows rather than padding, so no whole person shows.</summary>
    static string Canvas(GarmentBand? band) => band is null
        ? $"scale=-2:{Height * 2},pad={Width * 2}:{Height * 2}:(ow-iw)/2:(oh-ih)/2:color=white,"
        : string.Create(CultureInfo.InvariantCulture,
            $"crop=iw:ih*{band.Height:0.###}:0:ih*{band.Top:0.###}," +
            $"scale={Width * 2}:{Height * 2}:force_original_aspect_ratio=increase,crop={Width * 2}:{Height * 2},");

    static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
