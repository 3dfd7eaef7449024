using System.Collections.Concurrent;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// Decodes images through long-lived ffmpeg processes (see <see cref="ImagePipeProcess"/> for how and
/// why), never a process per image: starting ffmpeg costs more than decoding a catalog photo. The
/// header is read in managed code first, so a bomb or a non-image never reaches ffmpeg, and the fitted
/// size is known without asking it. Processes are kept per (format, maxSide), stopped when idle, and
/// all killed on dispose.
/// </summary>
public sealed class FfmpegImageDecoder : IImageDecoder, IAsyncDisposable, IDisposable
{
    /// <summary>The canvas is maxSide² x 3 bytes per process; beyond this a caller wants a different tool.</summary>
    public const int MaxSideLimit = 4096;

    readonly MediaTools _tools;
    readonly ImageDecoderOptions _options;
    readonly ConcurrentDictionary<(ImageFormat Format, int MaxSide), ImagePipePool> _pools = new();
    readonly Timer _idleSweep;
    int _processesStarted;
    int _disposed;

    public FfmpegImageDecoder(MediaTools tools, ImageDecoderOptions options)
    {
        _tools = tools;
        _options = options;
        var period = options.IdleTimeout / 2;
        _idleSweep = new Timer(_ => _ = StopIdleAsync(), null, period, period);
    }

    /// <summary>How many ffmpeg processes this decoder has started; tests and benchmarks read it.</summary>
    public int ProcessesStarted => Volatile.Read(ref _processesStarted);

    public async Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSide, MaxSideLimit);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

        var header = ImageHeaderReader.Read(encoded.Span);
        if (header.FindOverLimit(_options.MaxImagePixels) is { } tooLarge)
            throw new MediaRejectedException(tooLarge);
        if (ImageStructure.FindProblem(header.Format, encoded.Span) is { } problem)
            throw new MediaRejectedException(problem);

        var (width, height) = ImageFit.Inside(header.Width, header.Height, maxSide);
        var pool = _pools.GetOrAdd((header.Format, maxSide), kind => new ImagePipePool(() => Start(kind.Format, kind.MaxSide), _options.ProcessesPerKind));
        return await pool.UseAsync(process => process.DecodeAsync(encoded, width, height, _options.PerImageTimeout, cancellationToken), cancellationToken);
    }

    ImagePipeProcess Start(ImageFormat format, int maxSide)
    {
        Interlocked.Increment(ref _processesStarted);
        return ImagePipeProcess.Start(_tools.FfmpegPath, DecoderFor(format), maxSide);
    }

    static string DecoderFor(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "mjpeg",
        ImageFormat.Png => "png",
        ImageFormat.WebP => "webp",
        ImageFormat.Gif => "gif",
        ImageFormat.Bmp => "bmp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    async Task StopIdleAsync()
    {
        foreach (var pool in _pools.Values)
            await pool.StopIdleAsync(_options.IdleTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _idleSweep.DisposeAsync();
        foreach (var pool in _pools.Values)
            await pool.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
