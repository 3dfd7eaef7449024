using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

public sealed class FfprobeVideoProber(IObjectStore store, MediaTools tools, MediaLimits limits) : IVideoProber
{
    public async Task<VideoProbe> ProbeAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectKey.EnsureValid(key);
        if (!await store.ExistsAsync(bucket, key, cancellationToken))
            throw new FileNotFoundException("the object no longer exists", key);
        var location = store.GetMediaLocation(bucket, key);
        // ffprobe's own words for an empty file are "Invalid data found"; say what is actually wrong.
        if (File.Exists(location) && new FileInfo(location).Length == 0)
            throw new MediaRejectedException("the file is empty");

        await using var process = ToolProcess.Start(tools.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", location],
            limits.ProbeTimeout, cancellationToken);
        string json;
        try
        {
            json = await new StreamReader(process.StandardOutput).ReadToEndAsync(process.Token);
        }
        catch (OperationCanceledException)
        {
            process.ThrowIfTimedOut(cancellationToken);
            throw;
        }
        var exitCode = await process.WaitForExitAsync(cancellationToken);
        if (exitCode != 0)
        {
            // ffprobe names the file in its message; show the key, not where the store keeps it.
            var message = (await process.Stderr.LastLineAsync()).Replace(location, key);
            throw new MediaRejectedException($"ffprobe could not read the file: {message}");
        }
        return FfprobeReport.Parse(json, limits);
    }
}
