using System.Globalization;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>Renders planned lookbook videos with ffmpeg: each shot to its own clip of exact length, then
/// the clips joined by the concat demuxer without re-encoding, so every cut falls on a planned frame.</summary>
public static class LookbookRenderer
{
    public static async Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<LookbookVideo> videos, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var video in videos)
        {
            var clips = Path.Combine(folder, Path.GetFileNameWithoutExtension(video.Name));
            Directory.CreateDirectory(clips);
            var list = new List<string>();
            for (var i = 0; i < video.Shots.Count; i++)
            {
                var clip = Path.Combine(clips, $"{i:D3}.mp4");
                await Stopwatches.RunToolAsync("ffmpeg", [.. LookbookFilters.Arguments(video.Shots[i], clip)]);
                list.Add(string.Create(CultureInfo.InvariantCulture, $"file '{clip}'"));
            }
            var listPath = Path.Combine(clips, "clips.txt");
            await File.WriteAllLinesAsync(listPath, list);
            var output = Path.Combine(folder, video.Name);
            await Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listPath, "-c", "copy", output);
            Directory.Delete(clips, recursive: true);
            paths.Add(output);
        }
        return paths;
    }
}
