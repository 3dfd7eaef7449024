using System.Globalization;
using System.Text;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// One long-lived ffmpeg that decodes a stream of images of one format, one at a time, from stdin to
/// fixed-size BGR canvases on stdout.
///
/// Why this shape (each point measured with ffmpeg 5.1):
/// <list type="bullet">
/// <item>Input is multipart JPEG (<c>-f mpjpeg</c>): each image goes in with a Content-Length header, so
/// the demuxer hands it over as soon as its last byte arrives. <c>image2pipe</c> instead finds where an
/// image ends by seeing the next one start, which holds every frame back until the next image is
/// written (and two images with its 4 KiB reads). The mpjpeg demuxer calls everything MJPEG, but
/// <c>-c:v png</c> (webp, gif, bmp) before <c>-i</c> picks the real decoder, so one framing serves all.</item>
/// <item><c>-threads 1</c> on the output too: the rawvideo encoder is frame-threaded and otherwise keeps
/// one frame back. With it, and <c>-flush_packets 1</c>, a frame comes out before the next image goes in.</item>
/// <item>Raw output cannot change size mid-stream, so every image is scaled to fit maxSide (never
/// enlarged) and padded at the bottom right to a maxSide x maxSide canvas; the caller knows the real size
/// from the managed header and crops the canvas back. ffmpeg re-creates the filter graph whenever size or
/// pixel format changes between images, so mixed images are fine.</item>
/// <item><c>-err_detect explode -xerror</c>: decoders log most damage and still return a (grey or garbled)
/// frame; explode makes damage an error and xerror makes an error end the process, so a corrupt image
/// fails at once with ffmpeg's reason instead of turning into pixels or waiting for the timeout. The pool
/// then starts a new process for the next image.</item>
/// </list>
/// </summary>
internal sealed class ImagePipeProcess : IAsyncDisposable
{
    const string Boundary = "shoppablevideo-image";
    static readonly byte[] PartEnd = "\r\n"u8.ToArray();

    // Cancelling it makes the ToolProcess kill ffmpeg: on timeout, on an abandoned image, on dispose.
    readonly CancellationTokenSource _lifetime;
    readonly ToolProcess _tool;
    readonly int _canvas;
    readonly byte[] _frame;
    bool _broken;
    int _disposed;

    ImagePipeProcess(ToolProcess tool, CancellationTokenSource lifetime, int canvas)
    {
        _tool = tool;
        _lifetime = lifetime;
        _canvas = canvas;
        _frame = new byte[canvas * canvas * 3];
    }

    public long LastUsedMilliseconds { get; private set; } = Environment.TickCount64;

    /// <summary>False once it died, timed out or was abandoned mid-image: its stdout may be out of step.</summary>
    public bool Usable => !_broken && Volatile.Read(ref _disposed) == 0 && !_tool.HasExited;

    public static ImagePipeProcess Start(string ffmpeg, string decoder, int maxSide)
    {
        var lifetime = new CancellationTokenSource();
        var tool = ToolProcess.Start(ffmpeg, Arguments(decoder, maxSide), Timeout.InfiniteTimeSpan, lifetime.Token, redirectInput: true);
        return new ImagePipeProcess(tool, lifetime, maxSide);
    }

    /// <summary>Decodes one image whose fitted size is already known (width x height inside the canvas).</summary>
    public async Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int width, int height, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        // Killing the process is what unblocks a read that would otherwise wait forever.
        await using var killOnLimit = limit.Token.Register(() => _lifetime.Cancel());
        int read;
        try
        {
            var reading = _tool.StandardOutput.ReadAtLeastAsync(_frame, _frame.Length, throwOnEndOfStream: false).AsTask();
            await WriteAsync(encoded);
            read = await reading;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            read = -1;
        }
        finally
        {
            LastUsedMilliseconds = Environment.TickCount64;
        }

        if (read == _frame.Length && !limit.IsCancellationRequested)
            return Crop(width, height);

        _broken = true;
        _lifetime.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        if (limit.IsCancellationRequested)
            throw new MediaRejectedException($"the image did not decode within {timeout.TotalSeconds:0.#} s");
        var why = await _tool.Stderr.LastLineAsync();
        throw new MediaRejectedException($"ffmpeg could not decode the image: {why}");
    }

    // Content-Type is always image/jpeg, whatever the format: the mpjpeg demuxer refuses any other type,
    // and the decoder chosen with -c:v is what actually reads the bytes.
    async Task WriteAsync(ReadOnlyMemory<byte> encoded)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {encoded.Length}\r\n\r\n"));
        try
        {
            var input = _tool.StandardInput;
            await input.WriteAsync(header);
            await input.WriteAsync(encoded);
            await input.WriteAsync(PartEnd);
            await input.FlushAsync();
        }
        catch (IOException)
        {
            // ffmpeg exited (a broken pipe); the read that follows sees the end of its output and says why.
        }
    }

    BgrImage Crop(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        var row = width * 3;
        var canvasRow = _canvas * 3;
        for (var y = 0; y < height; y++)
            Buffer.BlockCopy(_frame, y * canvasRow, pixels, y * row, row);
        return new BgrImage(width, height, pixels);
    }

    static IEnumerable<string> Arguments(string decoder, int maxSide)
    {
        var m = maxSide.ToString(CultureInfo.InvariantCulture);
        // The same fitted size as ImageFit.Inside computes: round(side * min(1, maxSide / longer side)), at least 1.
        var fit = $"min(1\\,{m}/max(iw\\,ih))";
        var graph = $"scale=w=max(1\\,round(iw*{fit})):h=max(1\\,round(ih*{fit})):flags=area,format=bgr24,pad={m}:{m}:0:0:black";
        return
        [
            "-hide_banner", "-nostats", "-v", "error", "-xerror",
            "-threads", "1", "-err_detect", "explode", "-probesize", "32", "-analyzeduration", "1", "-fpsprobesize", "0",
            "-f", "mpjpeg", "-c:v", decoder, "-i", "pipe:0",
            "-vf", graph, "-fps_mode", "passthrough",
            "-threads", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", "-flush_packets", "1", "pipe:1",
        ];
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _lifetime.Cancel();
        // The token source is not disposed: a timeout callback racing with this may still cancel it.
        await _tool.DisposeAsync();
    }
}
