using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>The player test's lookbook: a few real Luma products, and a two-shot 4:3 video whose second
/// shot is one product's own catalog photo.</summary>
public static class PlayerCatalog
{
    /// <summary>The product the video shows. Its name carries markup and an ampersand: the page must show
    /// them as text.</summary>
    public static readonly Lookbook.Product Photographed =
        new("MH01-Black", "Chaz Kangeroo Hoodie <b>Black</b> & Co", "Men/Tops/Hoodies & Sweatshirts", "mh01-black_main.jpg");

    /// <summary>Other products of the same and other kinds, so the match has something to beat.</summary>
    public static readonly Lookbook.Product[] Others =
    [
        new("MH02-Red", "Teton Pullover Hoodie", "Men/Tops/Hoodies & Sweatshirts", "mh02-red_main.jpg"),
        new("MP01-Gray", "Caesar Warm-Up Pant", "Men/Bottoms/Pants", "mp01-gray_main.jpg"),
        new("WS01-Yellow", "Gwyn Endurance Tee", "Women/Tops/Tees", "ws01-yellow_main.jpg"),
    ];

    public static Task<CatalogBatchStatus> IngestAsync(EmbeddedHost host) =>
        Lookbook.IngestAsync(host.Data, host.Http, [Photographed, .. Others]);

    public const int VideoWidth = 720;
    public const int VideoHeight = 540;
    public const double ShotSeconds = Lookbook.ShotSeconds;

    /// <summary>A plain colour card, then the photographed product's catalog photo fitted to the frame's
    /// height on white.</summary>
    public static void MakeVideo(EmbeddedHost host, string key) =>
        Lookbook.DropVideo(host.Data, key, VideoWidth, VideoHeight, new Lookbook.Shot(Image: null), new Lookbook.Shot(Photographed.Image));

    /// <summary>The photo's share of the frame's width: the photo (1274x1580) is fitted to the frame's
    /// height and centred, so everything left or right of it is padding.</summary>
    public static (double Left, double Right) PhotoColumns()
    {
        var photoWidth = VideoHeight * 1274.0 / 1580.0 / VideoWidth;
        return ((1 - photoWidth) / 2, (1 + photoWidth) / 2);
    }
}
