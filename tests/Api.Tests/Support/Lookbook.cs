using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>The smallest honest setup in which the real models find known products in known shots: a
/// few shared Luma products ingested through the real pipeline, and a video made with ffmpeg whose
/// shots are catalog photos (or plain colour cards). Files are written beside the buckets and moved in,
/// so the intake never sees half a file.</summary>
public static class Lookbook
{
    public record Product(string Id, string Name, string Category, string Image)
    {
        public string Url => $"https://shop.example/products/{Id}";
    }

    /// <summary>One shot of the video: a product's catalog photo fitted on white, or a colour card.</summary>
    public record Shot(string? Image, string Colour = "0x2050a0");

    public const int ShotSeconds = 3;

    public static async Task<CatalogBatchStatus> IngestAsync(DataDirectory data, HttpClient http, IReadOnlyList<Product> products)
    {
        var shop = Path.Combine(data.BucketsRoot, "catalog", "shop");
        Directory.CreateDirectory(Path.Combine(shop, "images"));
        foreach (var product in products)
            File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", product.Image), Path.Combine(shop, "images", product.Image));
        var staged = Path.Combine(data.Root, "manifest.csv");
        await File.WriteAllLinesAsync(staged,
        [
            "product_id,name,price,category,image,url,rating,availability",
            .. products.Select(p => $"{p.Id},{p.Name},52,{p.Category},images/{p.Image},{p.Url},4.5,in stock"),
        ]);
        File.Move(staged, Path.Combine(shop, "manifest.csv"));
        return await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(3));
    }

    /// <summary>Writes the video into the videos bucket, 25 fps, <see cref="ShotSeconds"/> a shot.</summary>
    public static void DropVideo(DataDirectory data, string key, int width, int height, params Shot[] shots)
    {
        var staged = Path.Combine(data.Root, key);
        MakeVideo(staged, width, height, shots);
        File.Move(staged, Path.Combine(data.BucketsRoot, "videos", key));
    }

    /// <summary>Writes the video at <paramref name="path"/>, 25 fps, <see cref="ShotSeconds"/> a shot.</summary>
    public static void MakeVideo(string path, int width, int height, params Shot[] shots)
    {
        var inputs = new List<string>();
        var filters = new List<string>();
        for (var i = 0; i < shots.Length; i++)
        {
            inputs.AddRange(shots[i].Image is { } image
                ? ["-loop", "1", "-framerate", "25", "-t", $"{ShotSeconds}", "-i", Path.Combine(SharedData.Folder!, "luma", "images", image)]
                : ["-f", "lavfi", "-i", $"color=c={shots[i].Colour}:s={width}x{height}:r=25:d={ShotSeconds}"]);
            filters.Add($"[{i}:v]scale={width}:{height}:force_original_aspect_ratio=decrease," +
                        $"pad={width}:{height}:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p,setsar=1[s{i}]");
        }
        Ffmpeg.Generate(path,
        [
            .. inputs,
            "-filter_complex", string.Join(';', filters) + ";" + string.Concat(shots.Select((_, i) => $"[s{i}]")) + $"concat=n={shots.Length}:v=1:a=0[v]",
            "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", "25", "-movflags", "+faststart",
        ]);
    }

    public static Task<VideoStatus> WaitForVideoAsync(HttpClient http, string key, TimeSpan timeout) =>
        Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct))?
            .FirstOrDefault(v => v.Video?.Key == key && v.Status.State is "Completed" or "Failed"), timeout);
}
