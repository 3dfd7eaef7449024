using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Player;

/// <summary>A few real Luma products ingested through the real pipeline, and a two-shot video made with
/// ffmpeg whose second shot is one product's own catalog photo.</summary>
public static class PlayerCatalog
{
    public record Row(string Id, string Name, string Category, string Image)
    {
        public string Url => $"https://shop.example/products/{Id}";
    }

    /// <summary>The product the video shows. Its name carries markup and an ampersand: the page must show
    /// them as text.</summary>
    public static readonly Row Photographed =
        new("MH01-Black", "Chaz Kangeroo Hoodie <b>Black</b> & Co", "Men/Tops/Hoodies & Sweatshirts", "mh01-black_main.jpg");

    /// <summary>Other products of the same and other kinds, so the match has something to beat.</summary>
    public static readonly Row[] Others =
    [
        new("MH02-Red", "Teton Pullover Hoodie", "Men/Tops/Hoodies & Sweatshirts", "mh02-red_main.jpg"),
        new("MP01-Gray", "Caesar Warm-Up Pant", "Men/Bottoms/Pants", "mp01-gray_main.jpg"),
        new("WS01-Yellow", "Gwyn Endurance Tee", "Women/Tops/Tees", "ws01-yellow_main.jpg"),
    ];

    public static async Task<CatalogBatchStatus> IngestAsync(EmbeddedHost host)
    {
        var shop = Path.Combine(host.Data.BucketsRoot, "catalog", "shop");
        Directory.CreateDirectory(Path.Combine(shop, "images"));
        Row[] rows = [Photographed, .. Others];
        foreach (var row in rows)
            File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", row.Image), Path.Combine(shop, "images", row.Image));
        var staged = Path.Combine(host.Data.Root, "manifest.csv");
        File.WriteAllLines(staged,
        [
            "product_id,name,price,category,image,url,rating,availability",
            .. rows.Select(r => $"{r.Id},{r.Name},52,{r.Category},images/{r.Image},{r.Url},4.5,in stock"),
        ]);
        File.Move(staged, Path.Combine(shop, "manifest.csv"));
        return await Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(3));
    }

    public const int VideoWidth = 720;
    public const int VideoHeight = 540;
    public const double ShotSeconds = 3;

    /// <summary>A 4:3 video, 25 fps: a plain colour card, then the photographed product's catalog photo
    /// fitted to the frame's height on white. Written beside the bucket and moved in, so the intake never
    /// sees half a file.</summary>
    public static string MakeVideo(EmbeddedHost host, string key)
    {
        var staged = Path.Combine(host.Data.Root, key);
        Ffmpeg.Generate(staged,
            "-f", "lavfi", "-i", $"color=c=0x2050a0:s={VideoWidth}x{VideoHeight}:r=25:d={ShotSeconds}",
            "-loop", "1", "-framerate", "25", "-t", $"{ShotSeconds}", "-i", Path.Combine(SharedData.Folder!, "luma", "images", Photographed.Image),
            "-filter_complex",
            $"[0:v]format=yuv420p,setsar=1[card];" +
            $"[1:v]scale={VideoWidth}:{VideoHeight}:force_original_aspect_ratio=decrease," +
            $"pad={VideoWidth}:{VideoHeight}:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p,setsar=1[photo];" +
            "[card][photo]concat=n=2:v=1:a=0[v]",
            "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", "25", "-movflags", "+faststart");
        var target = Path.Combine(host.VideosFolder, key);
        File.Move(staged, target);
        return target;
    }

    /// <summary>The photo's share of the frame's width: the photo (1274x1580) is fitted to the frame's
    /// height and centred, so everything left or right of it is padding.</summary>
    public static (double Left, double Right) PhotoColumns()
    {
        var photoWidth = VideoHeight * 1274.0 / 1580.0 / VideoWidth;
        return ((1 - photoWidth) / 2, (1 + photoWidth) / 2);
    }
}
