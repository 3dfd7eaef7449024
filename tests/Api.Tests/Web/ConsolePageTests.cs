using System.Text.Json;
using Microsoft.Playwright;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;
using Xunit.Abstractions;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>The console at <c>/</c> in a real headless Chromium against the real host: a real catalog
/// through the real models, a real video processed, and one uploaded through the page's own form.</summary>
public class ConsolePageTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task The_console_lists_processed_videos_and_batches_finds_products_and_its_upload_form_starts_a_job_shown_live()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var batch = await PlayerCatalog.IngestAsync(host);
        Assert.Equal("Completed", batch.Status.State);
        PlayerCatalog.MakeVideo(host, "processed.mp4");
        var processed = await host.WaitForVideoAsync("processed.mp4", TimeSpan.FromMinutes(3));
        Assert.Equal("Completed", processed.Status.State);

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync(host.Http.BaseAddress!.ToString());

        // The processed video: its state and a link to its player.
        var processedRow = page.Locator($"#video-list li[data-video-id=\"{processed.Id}\"]");
        await Assertions.Expect(processedRow.Locator(".name")).ToHaveTextAsync("processed.mp4");
        await Assertions.Expect(processedRow.Locator(".state")).ToHaveTextAsync("Completed");
        Assert.Equal($"/player/{processed.Id}", await processedRow.Locator("a.player-link").GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");

        // The batch with its counts, and the products, searchable, each with its photo.
        var batchRow = page.Locator($"#batch-list li[data-batch-id=\"{batch.Id}\"]");
        await Assertions.Expect(batchRow.Locator(".meta")).ToContainTextAsync("4 of 4 ingested");
        await page.FillAsync("#product-query", "hoodie");
        await page.ClickAsync("#product-search button");
        await Assertions.Expect(page.Locator("#product-count")).ToHaveTextAsync("2 products matching “hoodie”");
        var card = page.Locator($"#product-list li[data-product-id=\"{PlayerCatalog.Photographed.Id}\"]");
        await Assertions.Expect(card.Locator(".price")).ToHaveTextAsync("$52.00");
        await Assertions.Expect(card.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await card.Locator("img").EvaluateAsync<int>("image => image.naturalWidth") > 0, "the product's photo loads");

        // Record every progress bar the live list draws, so a step seen for a moment is not missed.
        await page.EvaluateAsync("""
            () => {
              window.progressSeen = [];
              new MutationObserver(() => {
                for (const row of document.querySelectorAll('#video-list li'))
                  for (const bar of row.querySelectorAll('progress'))
                    window.progressSeen.push({ name: row.querySelector('.name').textContent, step: row.querySelector('.step').textContent, value: bar.value });
              }).observe(document.getElementById('video-list'), { childList: true, subtree: true });
            }
            """);

        // An upload through the form, with the key entered once in the header.
        var upload = Path.Combine(host.Data.Root, "from-console.mp4");
        Lookbook.MakeVideo(upload, PlayerCatalog.VideoWidth, PlayerCatalog.VideoHeight,
            new Lookbook.Shot(null), new Lookbook.Shot(PlayerCatalog.Photographed.Image), new Lookbook.Shot(null, "0x803020"),
            new Lookbook.Shot(PlayerCatalog.Others[0].Image));
        await page.FillAsync("#api-key", ApiFactory.WriteKey);
        await page.ClickAsync("#key-form button");
        await page.SetInputFilesAsync("#video-file", upload);
        await page.ClickAsync("#video-upload button");
        await Assertions.Expect(page.Locator("#video-upload .result")).ToContainTextAsync("Processing uploads/from-console.mp4");

        // The new video appears and finishes on the page without a reload, through the live updates.
        var uploadedRow = page.Locator("#video-list li", new PageLocatorOptions { Has = page.Locator(".name", new PageLocatorOptions { HasTextString = "uploads/from-console.mp4" }) });
        await Assertions.Expect(uploadedRow.Locator(".state")).ToHaveTextAsync("Completed", new LocatorAssertionsToHaveTextOptions { Timeout = 180_000 });
        await Assertions.Expect(uploadedRow.Locator("a.player-link")).ToBeVisibleAsync();
        var seen = await page.EvaluateAsync<JsonElement>("() => window.progressSeen.filter(p => p.name === 'uploads/from-console.mp4')");
        output.WriteLine($"progress seen: {seen}");
        Assert.True(seen.GetArrayLength() > 0, "the running video showed a progress bar");
        Assert.All(seen.EnumerateArray(), p => Assert.InRange(p.GetProperty("value").GetDouble(), 0, 100));
        Assert.Contains(seen.EnumerateArray(), p => p.GetProperty("step").GetString()!.StartsWith("step ", StringComparison.Ordinal));

        var screenshot = await HeadlessChromium.ScreenshotAsync(page, "console-desktop.png");
        output.WriteLine($"screenshot: {screenshot}");
        Assert.Empty(pageErrors);

        // The same console, and the player, on a 390 px phone: nothing wider than the screen.
        var phone = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        phone.PageError += (_, error) => pageErrors.Add(error);
        await phone.GotoAsync(host.Http.BaseAddress!.ToString());
        await Assertions.Expect(phone.Locator($"#video-list li[data-video-id=\"{processed.Id}\"]")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#product-list li").First).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(phone, "console-phone.png");
        await phone.GotoAsync($"{host.Http.BaseAddress}player/{processed.Id}");
        await phone.WaitForSelectorAsync("#tray .tray-item");
        await AssertNoHorizontalScrollAsync(phone, "player-phone.png");
        Assert.Empty(pageErrors);
    }

    [SharedDataFact]
    public async Task A_catalog_uploaded_through_the_form_is_ingested_and_its_bad_row_is_shown_with_its_line()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var upload = Directory.CreateDirectory(Path.Combine(host.Data.Root, "to-upload")).FullName;
        var photos = new[] { PlayerCatalog.Photographed.Image, PlayerCatalog.Others[1].Image }
            .Select(image => Path.Combine(upload, image)).ToArray();
        foreach (var photo in photos)
            File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", Path.GetFileName(photo)), photo);
        // The manifest names the photos under images/, as a catalog folder holds them; the form sends each
        // photo, picked by its bare file name, under that path. The third row has no price.
        var manifest = Path.Combine(upload, "spring.csv");
        await File.WriteAllLinesAsync(manifest,
        [
            "product_id,name,price,category,image,currency",
            $"{PlayerCatalog.Photographed.Id},Chaz Kangeroo Hoodie,52,{PlayerCatalog.Photographed.Category},images/{PlayerCatalog.Photographed.Image},EUR",
            $"{PlayerCatalog.Others[1].Id},Caesar Warm-Up Pant,40,{PlayerCatalog.Others[1].Category},images/{PlayerCatalog.Others[1].Image},",
            $"NO-PRICE,Mystery Tee,,Women/Tops/Tees,images/{PlayerCatalog.Others[1].Image},",
        ]);

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-US" });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync(host.Http.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("#batches-empty")).ToBeVisibleAsync();
        // The live list is connected even while there is nothing to list yet.
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");

        // Without a key the API refuses, and the form says what to do.
        await page.FillAsync("#catalog-name", "spring");
        await page.SetInputFilesAsync("#catalog-manifest", manifest);
        await page.SetInputFilesAsync("#catalog-photos", photos);
        await page.ClickAsync("#catalog-upload button");
        await Assertions.Expect(page.Locator("#catalog-upload .result")).ToContainTextAsync("Refused (HTTP 401)");
        await Assertions.Expect(page.Locator("#catalog-upload .result")).ToContainTextAsync("Enter an API key");

        await page.FillAsync("#api-key", ApiFactory.WriteKey);
        await page.ClickAsync("#key-form button");
        await page.ClickAsync("#catalog-upload button");
        await Assertions.Expect(page.Locator("#catalog-upload .result")).ToContainTextAsync("Ingesting spring/spring.csv");

        var batchRow = page.Locator("#batch-list li", new PageLocatorOptions { Has = page.Locator(".name", new PageLocatorOptions { HasTextString = "spring/spring.csv" }) });
        await Assertions.Expect(batchRow.Locator(".state")).ToHaveTextAsync("Completed", new LocatorAssertionsToHaveTextOptions { Timeout = 180_000 });
        await Assertions.Expect(batchRow.Locator(".meta")).ToContainTextAsync("2 of 2 ingested");
        await batchRow.Locator("details summary").ClickAsync();
        await Assertions.Expect(batchRow.Locator("details summary")).ToHaveTextAsync("1 bad row");
        await Assertions.Expect(batchRow.Locator("details li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^line 4: .*price"));

        // The products arrived, with the row's currency or the default.
        await Assertions.Expect(page.Locator("#product-count")).ToHaveTextAsync("2 products");
        await Assertions.Expect(page.Locator($"#product-list li[data-product-id=\"{PlayerCatalog.Photographed.Id}\"] .price")).ToHaveTextAsync("€52.00");
        await Assertions.Expect(page.Locator($"#product-list li[data-product-id=\"{PlayerCatalog.Others[1].Id}\"] .price")).ToHaveTextAsync("$40.00");
        var screenshot = await HeadlessChromium.ScreenshotAsync(page, "console-catalog-upload.png");
        output.WriteLine($"screenshot: {screenshot}");
        Assert.Empty(pageErrors);
    }

    async Task AssertNoHorizontalScrollAsync(IPage page, string screenshotName)
    {
        var screenshot = await HeadlessChromium.ScreenshotAsync(page, screenshotName);
        output.WriteLine($"screenshot: {screenshot}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{screenshotName}: the page is {widths[0]} px wide in a {widths[1]} px viewport");
    }
}
