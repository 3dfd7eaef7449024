namespace ShoppableVideo.Consumers.Frames;

/// <summary>The capture rate as the fraction MediaConvert takes (one capture every Denominator/Numerator
/// seconds), chosen so capture i lands on frame i * Interval exactly, the frame the ffmpeg extractor keeps.
/// NTSC rates are exact fractions of 1001, so 29.97 fps with an interval of 30 is 30000/30030, not 0.999.</summary>
public readonly record struct FrameCaptureRate(int Numerator, int Denominator, int Interval)
{
    public static FrameCaptureRate For(double framesPerSecond, int interval)
    {
        if (!(framesPerSecond > 0) || interval < 1)
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), $"no capture rate for {framesPerSecond} fps every {interval} frames");
        var (fpsNumerator, fpsDenominator) = AsFraction(framesPerSecond);
        var numerator = fpsNumerator;
        var denominator = fpsDenominator * (long)interval;
        var divisor = Gcd(numerator, denominator);
        return new FrameCaptureRate(checked((int)(numerator / divisor)), checked((int)(denominator / divisor)), interval);
    }

    public double CapturesPerSecond => (double)Numerator / Denominator;

    // ffprobe reports 30000/1001 as 29.97002997...; a rate that is a whole number of 1/1001 steps is NTSC.
    static (long Numerator, long Denominator) AsFraction(double framesPerSecond)
    {
        if (Math.Abs(framesPerSecond - Math.Round(framesPerSecond)) < 1e-6)
            return ((long)Math.Round(framesPerSecond), 1);
        var ntsc = framesPerSecond * 1001;
        if (Math.Abs(ntsc - Math.Round(ntsc)) < 1e-3)
            return ((long)Math.Round(ntsc), 1001);
        return ((long)Math.Round(framesPerSecond * 1000), 1000);
    }

    static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
