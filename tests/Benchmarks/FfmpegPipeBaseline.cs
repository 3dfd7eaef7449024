using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// The JPEG decoder the project had before Skia, kept only as the decode benchmark's baseline: long-lived
/// ffmpeg processes (one per concurrent caller), each fed images as multipart JPEG on stdin and answering
/// with a bgr24 canvas of maxSide² padded at the bottom right, with the same arguments as before (area
/// scaling, one thread, a flush per frame). Nothing here handles bad input: the benchmark has none.
/// </summary>
public sealed class FfmpegPipeBaseline(int maxSide) : IAsyncDisposable
{
    const string Boundary = "shoppablevideo-image";

    readonly ConcurrentBag<Pipe> _idle = [];
    readonly ConcurrentBag<Pipe> _all = [];

    public int ProcessesStarted => _all.Count;

    /// <summary>CPU time the ffmpeg processes have used so far (user and kernel).</summary>
    public TimeSpan ProcessorTime => _all.Aggregate(TimeSpan.Zero, (sum, pipe) => sum + pipe.ProcessorTime);

    public async Task<BgrImage> DecodeAsync(byte[] encoded)
    {
        var header = ImageHeaderReader.Read(encoded);
        var (width, height) = ImageFit.Inside(header.Width, header.Height, maxSide);
        if (!_idle.TryTake(out var pipe))
            _all.Add(pipe = new Pipe(maxSide));
        try
        {
            return await pipe.DecodeAsync(encoded, width, height);
        }
        finally
        {
            _idle.Add(pipe);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pipe in _all)
            await pipe.DisposeAsync();
    }

    sealed class Pipe : IAsyncDisposable
    {
        readonly Process _process;
        readonly byte[] _canvas;
        readonly int _side;
        readonly Task<string> _stderr;

        public Pipe(int side)
        {
            _side = side;
            _canvas = new byte[side * side * 3];
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in Arguments(side))
                start.ArgumentList.Add(argument);
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
            _stderr = _process.StandardError.ReadToEndAsync();
        }

        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public async Task<BgrImage> DecodeAsync(byte[] encoded, int width, int height)
        {
            var reading = _process.StandardOutput.BaseStream.ReadAtLeastAsync(_canvas, _canvas.Length, throwOnEndOfStream: false).AsTask();
            var input = _process.StandardInput.BaseStream;
            await input.WriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {encoded.Length}\r\n\r\n")));
            await input.WriteAsync(encoded);
            await input.WriteAsync("\r\n"u8.ToArray());
            await input.FlushAsync();
            if (await reading != _canvas.Length)
                throw new InvalidOperationException($"ffmpeg stopped: {await _stderr}");
            var pixels = new byte[width * height * 3];
            for (var y = 0; y < height; y++)
                Buffer.BlockCopy(_canvas, y * _side * 3, pixels, y * width * 3, width * 3);
            return new BgrImage(width, height, pixels);
        }

        static string[] Arguments(int side)
        {
            var m = side.ToString(CultureInfo.InvariantCulture);
            var fit = $"min(1\\,{m}/max(iw\\,ih))";
            var graph = $"scale=w=max(1\\,round(iw*{fit})):h=max(1\\,round(ih*{fit})):flags=area,format=bgr24,pad={m}:{m}:0:0:black";
            return
            [
                "-hide_banner", "-nostats", "-v", "error", "-xerror",
                "-threads", "1", "-err_detect", "explode", "-probesize", "32", "-analyzeduration", "1", "-fpsprobesize", "0",
                "-f", "mpjpeg", "-c:v", "mjpeg", "-i", "pipe:0",
                "-vf", graph, "-fps_mode", "passthrough",
                "-threads", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", "-flush_packets", "1", "pipe:1",
            ];
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
                _process.Kill();
            await _stderr;
            _process.Dispose();
        }
    }
}
