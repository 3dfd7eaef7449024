using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>Runs the decode pass once per shared video for a whole test class: it is the slow part.</summary>
public sealed class ExtractedVideos : IDisposable
{
    readonly Dictionary<string, Task<(Guid VideoId, VideoProbe Probe, FrameExtraction Extraction)>> _runs = new();

    public TempStore Store { get; } = new(linkSharedVideos: SharedData.Folder is not null);

    public Task<(Guid VideoId, VideoProbe Probe, FrameExtraction Extraction)> ExtractAsync(string name)
    {
        lock (_runs)
        {
            if (!_runs.TryGetValue(name, out var run))
                _runs[name] = run = RunAsync(name);
            return run;
        }
    }

    async Task<(Guid, VideoProbe, FrameExtraction)> RunAsync(string name)
    {
        var probe = await new FfprobeVideoProber(Store.Store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, name);
        var videoId = Guid.NewGuid();
        var extractor = new FfmpegFrameExtractor(Store.Store, new MediaTools(), new FrameExtractionOptions());
        var extraction = await extractor.ExtractAsync(videoId, new StoredObject(Buckets.Videos, name, 0, ""), probe);
        return (videoId, probe, extraction);
    }

    public void Dispose() => Store.Dispose();
}
