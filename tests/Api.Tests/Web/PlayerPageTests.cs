using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;
using Xunit.Abstractions;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>The player page in a real headless Chromium against the real host on a real port: real
/// catalog photos through the real detector, embedder and index, a real video through the pipeline.</summary>
public class PlayerPageTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task Seeking_into_the_shot_that_shows_a_product_draws_its_hotspot_and_clicking_it_opens_that_product()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var batch = await PlayerCatalog.IngestAsync(host);
        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(1 + PlayerCatalog.Others.Length, batch.Ingested);
        PlayerCatalog.MakeVideo(host, "player.mp4");
        var status = await host.WaitForVideoAsync("player.mp4", TimeSpan.FromMinutes(3));
        Assert.Equal("Completed", status.Status.State);

        // What the pipeline found, through the API the page reads: the photo's shot holds the photographed product.
        var document = await host.Http.GetFromJsonAsync<JsonElement>($"/videos/{status.Id}/shoppable");
        var segments = document.GetProperty("segments").EnumerateArray().ToList();
        output.WriteLine($"segments: {string.Join("; ", segments.Select(s => $"{s.GetProperty("startSeconds")}-{s.GetProperty("endSeconds")}: " +
            string.Join(", ", s.GetProperty("products").EnumerateArray().Select(p => $"{p.GetProperty("productId")} {p.GetProperty("score")}"))))}");
        Assert.Equal(2, segments.Count);
        var expected = PlayerCatalog.Photographed;
        var shot = segments.Single(s => s.GetProperty("startSeconds").GetDouble() >= PlayerCatalog.ShotSeconds - 0.1);
        var match = shot.GetProperty("products").EnumerateArray().First(p => p.GetProperty("productId").GetString() == expected.Id);
        var box = match.GetProperty("box");
        var (boxLeft, boxTop, boxWidth, boxHeight) = (box.GetProperty("left").GetDouble(), box.GetProperty("top").GetDouble(),
            box.GetProperty("width").GetDouble(), box.GetProperty("height").GetDouble());

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync($"{host.Http.BaseAddress}player/{status.Id}");
        await page.WaitForSelectorAsync("#video[src]");
        Assert.Equal(segments.Count, await page.Locator("#shot-bar .shot-marker").CountAsync());

        var middle = (shot.GetProperty("startSeconds").GetDouble() + shot.GetProperty("endSeconds").GetDouble()) / 2;
        var landed = await HeadlessChromium.SeekAsync(page, middle);
        Assert.InRange(landed, middle - 0.1, middle + 0.1);

        var hotspot = page.Locator($"#hotspots .hotspot[data-product-id=\"{expected.Id}\"]");
        await hotspot.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        Assert.Equal($"Show product {expected.Name}", await hotspot.GetAttributeAsync("aria-label"));

        // Where the box must be on screen: the video is 4:3 in a 16:9 element, so its picture is pillarboxed.
        var picture = await page.EvaluateAsync<JsonElement>("""
            () => {
              const video = document.getElementById('video');
              const r = video.getBoundingClientRect();
              const scale = Math.min(r.width / video.videoWidth, r.height / video.videoHeight);
              const width = video.videoWidth * scale, height = video.videoHeight * scale;
              return { x: r.x + (r.width - width) / 2, y: r.y + (r.height - height) / 2, width, height };
            }
            """);
        var (pictureX, pictureY, pictureWidth, pictureHeight) = (picture.GetProperty("x").GetDouble(), picture.GetProperty("y").GetDouble(),
            picture.GetProperty("width").GetDouble(), picture.GetProperty("height").GetDouble());
        var videoBox = (await page.Locator("#video").BoundingBoxAsync())!;
        Assert.True(pictureWidth < videoBox.Width - 10, "the test means to show a pillarboxed picture");
        var drawn = (await hotspot.BoundingBoxAsync())!;
        output.WriteLine($"picture {pictureX:F0},{pictureY:F0} {pictureWidth:F0}x{pictureHeight:F0}; hotspot {drawn.X:F0},{drawn.Y:F0} {drawn.Width:F0}x{drawn.Height:F0}");
        Assert.InRange(drawn.X, pictureX + boxLeft * pictureWidth - 2, pictureX + boxLeft * pictureWidth + 2);
        Assert.InRange(drawn.Y, pictureY + boxTop * pictureHeight - 2, pictureY + boxTop * pictureHeight + 2);
        Assert.InRange(drawn.Width, boxWidth * pictureWidth - 2, boxWidth * pictureWidth + 2);
        Assert.InRange(drawn.Height, boxHeight * pictureHeight - 2, boxHeight * pictureHeight + 2);
        // And, independently of the document, it lies over the photographed model, not over the padding.
        var (photoLeft, photoRight) = PlayerCatalog.PhotoColumns();
        Assert.InRange(drawn.X + drawn.Width / 2, pictureX + photoLeft * pictureWidth, pictureX + photoRight * pictureWidth);

        await hotspot.ClickAsync();

        var detail = page.Locator("#product-detail");
        await detail.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(expected.Id, await detail.GetAttributeAsync("data-product-id"));
        await Assertions.Expect(page.Locator("#detail-name")).ToHaveTextAsync(expected.Name);
        Assert.Equal(expected.Url, await page.Locator("#detail-link").GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#detail-availability")).ToHaveTextAsync("in stock");
        await Assertions.Expect(page.Locator($"#tray .tray-item[data-product-id=\"{expected.Id}\"]")).ToHaveClassAsync("tray-item selected");
        Assert.True(await hotspot.IsVisibleAsync());

        var screenshot = await HeadlessChromium.ScreenshotAsync(page, "player-hotspot.png");
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 1000);
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task The_page_for_an_unknown_video_says_it_was_not_found()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var id = Guid.NewGuid();

        var response = await page.GotoAsync($"{host.Http.BaseAddress}player/{id}");

        Assert.Equal(200, response!.Status);
        var message = page.Locator("#player-message");
        await Assertions.Expect(message).ToHaveTextAsync($"Video {id} was not found.");
        Assert.Equal("not-found", await message.GetAttributeAsync("data-state"));
        Assert.True(await page.Locator("#stage").IsHiddenAsync());
    }

    [Fact]
    public async Task The_page_for_a_video_that_failed_says_so_with_the_reason()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var staged = Path.Combine(host.Data.Root, "notes.mp4");
        File.WriteAllText(staged, "this is a text file, not a video\n");
        File.Move(staged, Path.Combine(host.VideosFolder, "notes.mp4"));
        var status = await host.WaitForVideoAsync("notes.mp4", TimeSpan.FromMinutes(1));
        Assert.Equal("Failed", status.Status.State);
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.Http.BaseAddress}player/{status.Id}");

        var message = page.Locator("#player-message");
        await Assertions.Expect(message).ToHaveAttributeAsync("data-state", "failed");
        var text = await message.TextContentAsync();
        Assert.StartsWith($"Processing failed at step {status.Status.FailedStep}: ", text);
        Assert.Contains(status.Status.FailureReason!.TrimEnd('.'), text);
        Assert.True(await page.Locator("#stage").IsHiddenAsync());
    }
}
