using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>A lookbook of three products whose video shows two of their catalog photos one after the
/// other: shot 0 the first, shot 1 the second.</summary>
public static class LookbookVideo
{
    public static readonly Lookbook.Product[] Catalog =
    [
        new("MH01-Orange", "Chaz Kangeroo Hoodie", "Men/Tops/Hoodies & Sweatshirts", "mh01-orange_main.jpg"),
        new("MP01-Purple", "Caesar Warm-Up Pant", "Men/Bottoms/Pants", "mp01-purple_main.jpg"),
        new("MH02-Black", "Teton Pullover Hoodie", "Men/Tops/Hoodies & Sweatshirts", "mh02-black_main.jpg"),
    ];

    public static readonly Lookbook.Product[] Shots = [Catalog[0], Catalog[1]];

    /// <summary>In the catalog, in no shot: what a reviewer can replace a match with.</summary>
    public static Lookbook.Product Unshown => Catalog[2];

    public const string VideoKey = "lookbook.mp4";

    /// <summary>Ingests the catalog, then processes the video; returns the video's status once Completed.</summary>
    public static async Task<VideoStatus> ProcessAsync(DataDirectory data, HttpClient http, TimeSpan timeout)
    {
        var batch = await Lookbook.IngestAsync(data, http, Catalog);
        Assert.True(batch.Ingested == Catalog.Length, $"the lookbook catalog ingested {batch.Ingested} of {Catalog.Length}: {string.Join("; ", batch.Errors.Select(e => e.Reason))}");
        Lookbook.DropVideo(data, VideoKey, 640, 480, [.. Shots.Select(p => new Lookbook.Shot(p.Image))]);
        var status = await Lookbook.WaitForVideoAsync(http, VideoKey, timeout);
        Assert.True(status.Status.State == "Completed", $"the lookbook video failed: {status.Status.FailureReason}");
        return status;
    }
}
