using Microsoft.Playwright;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>Debian's Chromium driven by Playwright's bundled driver. Playwright cannot download its own
/// browsers here (no network), so the tests point it at the system binary that scripts/setup.sh installs.</summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Fail, never skip: CI runs setup first, so a missing browser is a broken machine, not an option.
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: run scripts/setup.sh, which installs Debian's chromium for the browser tests.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container needs --no-sandbox; the closed network refuses Chromium's background
            // connections, so they are switched off rather than left to fail at every start.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: SHOPPABLEVIDEO_ARTIFACTS if set, else TestResults/artifacts beside
    /// the test binaries.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("SHOPPABLEVIDEO_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    /// <summary>Seeks the player's video to <paramref name="seconds"/> once it has its metadata, and waits
    /// for the seek to land; returns where it landed.</summary>
    public static async Task<double> SeekAsync(IPage page, double seconds)
    {
        await page.WaitForSelectorAsync("#video[src]");
        return await page.EvaluateAsync<double>("""
            async t => {
              const video = document.getElementById('video');
              if (video.readyState < 1)
                await new Promise(resolve => video.addEventListener('loadedmetadata', resolve, { once: true }));
              await new Promise(resolve => { video.addEventListener('seeked', resolve, { once: true }); video.currentTime = t; });
              return video.currentTime;
            }
            """, seconds);
    }

    /// <summary>A full-page screenshot saved as an artifact; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string fileName)
    {
        var path = ArtifactPath(fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
