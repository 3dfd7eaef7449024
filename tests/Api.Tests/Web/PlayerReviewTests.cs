using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;
using Xunit.Abstractions;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>Reviewing in the player, in a real headless Chromium against the real host and pipeline: a
/// reviewer with a write key replaces what the machine found and draws a box for what it missed, and a
/// viewer's player (no key) then shows both; a viewer reaches the hotspots with the keyboard alone.</summary>
public class PlayerReviewTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task A_reviewer_replaces_an_item_and_adds_a_missed_one_in_the_player_and_the_viewers_player_then_shows_both()
    {
        await using var host = await EmbeddedHost.StartAsync();
        Assert.Equal("Completed", (await PlayerCatalog.IngestAsync(host)).Status.State);
        PlayerCatalog.MakeVideo(host, "review.mp4");
        var video = await host.WaitForVideoAsync("review.mp4", TimeSpan.FromMinutes(3));
        Assert.Equal("Completed", video.Status.State);
        var found = PlayerCatalog.Photographed.Id;
        var replacement = PlayerCatalog.Others[0]; // another hoodie, as a reviewer would pick
        var shotMiddle = PlayerCatalog.ShotSeconds * 1.5;

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var pageErrors = new List<string>();

        // The reviewer: ?review asks for the key once, then shows the shot's products with their actions.
        var reviewer = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        reviewer.PageError += (_, error) => pageErrors.Add(error);
        await reviewer.GotoAsync($"{host.Http.BaseAddress}player/{video.Id}?review");
        await reviewer.FillAsync("#review-key-input", ApiFactory.WriteKey);
        await reviewer.ClickAsync("#review .review-key button");
        await HeadlessChromium.SeekAsync(reviewer, shotMiddle);
        var item = reviewer.Locator($"#review .review-item[data-product-id=\"{found}\"]");
        await item.GetByRole(AriaRole.Button, new() { Name = "Replace…" }).ClickAsync();
        await reviewer.FillAsync("#review-query", "teton");
        await reviewer.ClickAsync("#review .review-search button[type=submit]");
        await reviewer.ClickAsync($"#review .review-results button[data-product-id=\"{replacement.Id}\"]");
        await Assertions.Expect(reviewer.Locator("#review .review-result")).ToHaveTextAsync($"Saved: replace {replacement.Name} in shot 2.");
        await Assertions.Expect(reviewer.Locator($"#hotspots .hotspot[data-product-id=\"{replacement.Id}\"]")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Locator($"#review .review-item[data-product-id=\"{replacement.Id}\"] .review-facts"))
            .ToContainTextAsync("replaced (was ");
        await Screenshot(reviewer, "player-review.png");

        // A product the machine missed: the first shot is a plain card, so nothing was found there. The
        // reviewer drags a box over the picture and picks the product it shows.
        var missed = PlayerCatalog.Others[2];
        await HeadlessChromium.SeekAsync(reviewer, PlayerCatalog.ShotSeconds * 0.5);
        await Assertions.Expect(reviewer.Locator("#review .review-shot")).ToHaveTextAsync("Shot 1: no products");
        await reviewer.ClickAsync("#review .review-draw");
        var picture = (await reviewer.Locator("#hotspots").BoundingBoxAsync())!;
        await reviewer.Mouse.MoveAsync(picture.X + 0.25f * picture.Width, picture.Y + 0.2f * picture.Height);
        await reviewer.Mouse.DownAsync();
        await reviewer.Mouse.MoveAsync(picture.X + 0.5f * picture.Width, picture.Y + 0.5f * picture.Height, new MouseMoveOptions { Steps = 5 });
        await reviewer.Mouse.MoveAsync(picture.X + 0.75f * picture.Width, picture.Y + 0.8f * picture.Height, new MouseMoveOptions { Steps = 5 });
        await reviewer.Mouse.UpAsync();
        await reviewer.FillAsync("#review-query", missed.Id);
        await reviewer.ClickAsync("#review .review-search button[type=submit]");
        await reviewer.ClickAsync($"#review .review-results button[data-product-id=\"{missed.Id}\"]");
        await Assertions.Expect(reviewer.Locator("#review .review-result")).ToHaveTextAsync($"Saved: add {missed.Name} in shot 1.");
        var added = reviewer.Locator($"#hotspots .hotspot[data-product-id=\"{missed.Id}\"]");
        await Assertions.Expect(added).ToBeVisibleAsync();
        var drawn = (await added.BoundingBoxAsync())!;
        Assert.InRange(drawn.X, picture.X + 0.25 * picture.Width - 3, picture.X + 0.25 * picture.Width + 3);
        Assert.InRange(drawn.Width, 0.5 * picture.Width - 4, 0.5 * picture.Width + 4);
        Assert.InRange(drawn.Height, 0.6 * picture.Height - 4, 0.6 * picture.Height + 4);

        // Through the review API, with its history.
        var reviews = (await host.Http.GetFromJsonAsync<JsonElement>($"/videos/{video.Id}/reviews")).EnumerateArray().ToList();
        Assert.Equal(["replace", "add"], reviews.Select(r => r.GetProperty("action").GetString()));
        var review = reviews[0];
        Assert.Equal(("replace", found, replacement.Id), (review.GetProperty("action").GetString(),
            review.GetProperty("productId").GetString(), review.GetProperty("replacementProductId").GetString()));

        // The viewer: a fresh browser profile with no key, the plain player URL.
        await using var viewerContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var viewer = await viewerContext.NewPageAsync();
        viewer.PageError += (_, error) => pageErrors.Add(error);
        await viewer.GotoAsync($"{host.Http.BaseAddress}player/{video.Id}");
        await HeadlessChromium.SeekAsync(viewer, shotMiddle);
        var hotspot = viewer.Locator($"#hotspots .hotspot[data-product-id=\"{replacement.Id}\"]");
        await Assertions.Expect(hotspot).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.Locator($"#hotspots .hotspot[data-product-id=\"{found}\"]").CountAsync());
        Assert.True(await viewer.Locator("#review").IsHiddenAsync(), "a viewer's player shows no review controls");
        await HeadlessChromium.SeekAsync(viewer, PlayerCatalog.ShotSeconds * 0.5);
        await Assertions.Expect(viewer.Locator($"#hotspots .hotspot[data-product-id=\"{missed.Id}\"]")).ToBeVisibleAsync();
        await HeadlessChromium.SeekAsync(viewer, shotMiddle);
        // Every product of the video is in the tray; those it shows only as look-alikes say so.
        var served = await host.Http.GetFromJsonAsync<JsonElement>($"/videos/{video.Id}/shoppable");
        var listed = served.GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("products").EnumerateArray())
            .Select(p => (Id: p.GetProperty("productId").GetString()!, Exact: p.GetProperty("match").GetString() == "exact")).ToList();
        var similarOnly = listed.Select(p => p.Id).Distinct().Where(id => !listed.Any(p => p.Id == id && p.Exact)).ToList();
        await Assertions.Expect(viewer.Locator("#tray .tray-item")).ToHaveCountAsync(listed.Select(p => p.Id).Distinct().Count());
        foreach (var id in similarOnly)
            await Assertions.Expect(viewer.Locator($"#tray .tray-item[data-product-id=\"{id}\"] .tray-badge")).ToHaveTextAsync("similar");
        await Assertions.Expect(viewer.Locator($"#tray .tray-item[data-product-id=\"{replacement.Id}\"]")).ToBeVisibleAsync();
        await Screenshot(viewer, "player-viewer-after-review.png");

        // The keyboard alone reaches the hotspot, opens it, and Escape returns to it.
        await viewer.Locator("body").FocusAsync();
        var reached = false;
        for (var presses = 0; presses < 30 && !reached; presses++)
        {
            await viewer.Keyboard.PressAsync("Tab");
            reached = await viewer.EvaluateAsync<bool>($"() => document.activeElement?.dataset?.productId === '{replacement.Id}' && document.activeElement.classList.contains('hotspot')");
        }
        Assert.True(reached, "Tab reaches the hotspot");
        await viewer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(viewer.Locator("#product-detail")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator("#detail-name")).ToHaveTextAsync(replacement.Name);
        await viewer.Keyboard.PressAsync("Escape");
        await Assertions.Expect(viewer.Locator("#product-detail")).ToBeHiddenAsync();
        Assert.True(await viewer.EvaluateAsync<bool>("() => document.activeElement.classList.contains('hotspot')"), "focus returns to the hotspot");
        Assert.Empty(pageErrors);
    }

    async Task Screenshot(IPage page, string name)
    {
        output.WriteLine($"screenshot: {await HeadlessChromium.ScreenshotAsync(page, name)}");
    }
}
