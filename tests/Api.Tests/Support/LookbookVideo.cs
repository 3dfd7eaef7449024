using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>A real catalog of a few Luma products and a video that shows two of their catalog photos
/// one after the other, processed by the real pipeline: the smallest honest setup in which the models
/// find known products in known shots.</summary>
public static class LookbookVideo
{
    /// <summary>The catalog rows (from the shared Luma manifest) the lookbook ingests.</summary>
    public static readonly string[] Catalog =
    [
        "MH01-Orange,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies & Sweatshirts,images/mh01-orange_main.jpg,https://shop.example/mh01-orange,4.5,in stock",
        "MP01-Purple,Caesar Warm-Up Pant,35,Men/Bottoms/Pants,images/mp01-purple_main.jpg,https://shop.example/mp01-purple,3.9,in stock",
        "MH02-Black,Teton Pullover Hoodie,70,Men/Tops/Hoodies & Sweatshirts,images/mh02-black_main.jpg,https://shop.example/mh02-black,4.1,out of stock",
    ];

    /// <summary>Shot 0 shows this product's photo, shot 1 the second one's.</summary>
    public static readonly (string ProductId, string Image)[] Shots =
    [
        ("MH01-Orange", "mh01-orange_main.jpg"),
        ("MP01-Purple", "mp01-purple_main.jpg"),
    ];

    public const string VideoKey = "lookbook.mp4";

    /// <summary>Ingests the catalog, then processes the video; returns the video's status once Completed.</summary>
    public static async Task<VideoStatus> ProcessAsync(DataDirectory data, HttpClient http, TimeSpan timeout)
    {
        await IngestCatalogAsync(data, http, timeout);

        var video = Path.Combine(data.Root, VideoKey);
        var images = Path.Combine(SharedData.Folder!, "luma", "images");
        Ffmpeg.Generate(video,
            "-loop", "1", "-t", "3", "-framerate", "25", "-i", Path.Combine(images, Shots[0].Image),
            "-loop", "1", "-t", "3", "-framerate", "25", "-i", Path.Combine(images, Shots[1].Image),
            "-filter_complex",
            "[0]scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,setsar=1[a];" +
            "[1]scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,setsar=1[b];" +
            "[a][b]concat=n=2:v=1[v]",
            "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25");
        File.Move(video, Path.Combine(data.BucketsRoot, "videos", VideoKey));

        var status = await Poll.UntilAsync(async ct =>
            (await http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct))?
                .FirstOrDefault(v => v.Video?.Key == VideoKey && v.Status.State is "Completed" or "Failed"), timeout);
        Assert.True(status.Status.State == "Completed", $"the lookbook video failed: {status.Status.FailureReason}");
        return status;
    }

    static async Task IngestCatalogAsync(DataDirectory data, HttpClient http, TimeSpan timeout)
    {
        var folder = Path.Combine(data.BucketsRoot, "catalog", "lookbook");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var row in Catalog)
        {
            var image = row.Split(',')[4];
            File.Copy(Path.Combine(SharedData.Folder!, "luma", image), Path.Combine(folder, image));
        }
        var staged = Path.Combine(data.Root, "catalog.csv");
        await File.WriteAllLinesAsync(staged, ["product_id,name,price,category,image,url,rating,availability", .. Catalog]);
        File.Move(staged, Path.Combine(folder, "catalog.csv"));

        var batch = await Poll.UntilAsync(async ct =>
            (await http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
                .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), timeout);
        Assert.True(batch.Ingested == Catalog.Length, $"the lookbook catalog ingested {batch.Ingested} of {Catalog.Length}: {string.Join("; ", batch.Errors.Select(e => e.Reason))}");
    }
}
