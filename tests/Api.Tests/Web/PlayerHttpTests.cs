using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Web;

/// <summary>The player's HTTP side without a browser: the video bytes it seeks through, and the page and
/// assets it is made of.</summary>
public class PlayerHttpTests : IAsyncLifetime
{
    readonly ApiFactory factory = new();
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        http = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_media_endpoint_serves_byte_ranges_of_the_original_video_so_a_browser_can_seek()
    {
        var staged = Path.Combine(factory.Data.Root, "bars.mp4");
        Ffmpeg.Generate(staged, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-pix_fmt", "yuv420p");
        var original = await File.ReadAllBytesAsync(staged);
        File.Move(staged, Path.Combine(factory.Data.BucketsRoot, "videos", "bars.mp4"));
        var video = await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Video?.Key == "bars.mp4"), TimeSpan.FromMinutes(1));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/videos/{video.Id}/media");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 100-199/{original.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(original[100..200], await partial.Content.ReadAsByteArrayAsync());

        var whole = await http.GetAsync($"/videos/{video.Id}/media");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Contains("bytes", whole.Headers.AcceptRanges);
        Assert.Equal(original, await whole.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Once_a_videos_key_holds_other_bytes_its_old_media_is_gone_and_points_to_the_new_video()
    {
        var videos = Path.Combine(factory.Data.BucketsRoot, "videos");
        var staged = Path.Combine(factory.Data.Root, "first.mp4");
        Ffmpeg.Generate(staged, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-pix_fmt", "yuv420p");
        File.Move(staged, Path.Combine(videos, "look.mp4"));
        var first = await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Video?.Key == "look.mp4"), TimeSpan.FromMinutes(1));

        // The same key, replaced by another video: the intake announces it as a new one.
        staged = Path.Combine(factory.Data.Root, "second.mp4");
        Ffmpeg.Generate(staged, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3", "-pix_fmt", "yuv420p");
        var replacement = await File.ReadAllBytesAsync(staged);
        File.Move(staged, Path.Combine(videos, "look.mp4"), overwrite: true);
        var second = await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Video?.Key == "look.mp4" && v.Id != first.Id), TimeSpan.FromMinutes(1));

        var old = await http.GetAsync($"/videos/{first.Id}/media");
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Equal("application/problem+json", old.Content.Headers.ContentType?.MediaType);
        var problem = await old.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/videos/{second.Id:N}", problem.GetProperty("replacement").GetString());
        Assert.Equal(replacement, await http.GetByteArrayAsync($"/videos/{second.Id}/media"));
    }

    [Fact]
    public async Task A_replacement_of_the_same_size_is_another_video_too_and_the_old_media_is_gone()
    {
        var videos = Path.Combine(factory.Data.BucketsRoot, "videos");
        var staged = Path.Combine(factory.Data.Root, "same-size.mp4");
        Ffmpeg.Generate(staged, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-pix_fmt", "yuv420p");
        var bytes = await File.ReadAllBytesAsync(staged);
        File.Move(staged, Path.Combine(videos, "twin.mp4"));
        var first = await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Video?.Key == "twin.mp4"), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/videos/{first.Id}/media")).StatusCode);

        // Other bytes of exactly the same length: one byte of the mdat payload changed.
        bytes[^100] ^= 0xFF;
        await File.WriteAllBytesAsync(staged, bytes);
        File.Move(staged, Path.Combine(videos, "twin.mp4"), overwrite: true);

        var old = await http.GetAsync($"/videos/{first.Id}/media");
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
    }

    [Fact]
    public async Task The_media_of_an_unknown_video_is_a_404_problem()
    {
        var response = await http.GetAsync($"/videos/{Guid.NewGuid():N}/media");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("No video", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_player_page_is_served_for_any_id_and_loads_only_assets_from_this_api()
    {
        // Any id, known or not: the page asks the API itself and says what it found.
        var page = await http.GetAsync($"/player/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"/assets/player.js\"", html);
        Assert.Contains("href=\"/assets/player.css\"", html);
        Assert.DoesNotContain("http", html);
        // Until its script has run, the page says it is loading rather than showing an empty box.
        Assert.Contains("<p id=\"player-message\" role=\"status\" data-state=\"loading\">Loading the video…</p>", html);

        var script = await http.GetAsync("/assets/player.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", (await http.GetAsync("/assets/player.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/assets/secrets.json")).StatusCode);
    }

    [Fact]
    public async Task Pages_and_api_answers_carry_a_content_security_policy_without_inline_script_nosniff_and_a_referrer_policy()
    {
        foreach (var path in new[] { "/", $"/player/{Guid.NewGuid()}", "/assets/player.js", "/assets/console.js", "/videos", "/no-such-route" })
        {
            var response = await http.GetAsync(path);

            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
        // The page itself keeps to the policy: no inline script or style to refuse.
        var html = await http.GetStringAsync($"/player/{Guid.NewGuid()}");
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
    }
}
