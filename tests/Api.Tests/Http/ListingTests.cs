using System.Net;
using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Http;

/// <summary>Lists of videos come in pages whose total is given, so the oldest video can still be reached.</summary>
public class ListingTests
{
    [Fact]
    public async Task Videos_are_listed_a_page_at_a_time_with_the_total_and_every_video_on_exactly_one_page()
    {
        await using var factory = new ApiFactory();
        var http = factory.CreateClient();
        foreach (var name in new[] { "a.mp4", "b.mp4", "c.mp4" })
        {
            var staged = Path.Combine(factory.Data.Root, name);
            Ffmpeg.Generate(staged, "-f", "lavfi", "-i", $"testsrc=size=160x120:rate=25:duration=1", "-pix_fmt", "yuv420p");
            File.Move(staged, Path.Combine(factory.Data.BucketsRoot, "videos", name));
        }
        await Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))!.Count == 3 ? "all three" : null,
            TimeSpan.FromMinutes(1));

        var first = await http.GetAsync("/videos?limit=2");
        var second = await http.GetAsync("/videos?limit=2&offset=2");
        var beyond = await http.GetAsync("/videos?limit=2&offset=3");

        Assert.Equal("3", Assert.Single(first.Headers.GetValues(StatusEndpoints.TotalCountHeader)));
        Assert.Equal("3", Assert.Single(second.Headers.GetValues(StatusEndpoints.TotalCountHeader)));
        var pages = new[] { first, second, beyond }.Select(r => r.Content.ReadFromJsonAsync<List<VideoStatus>>().Result!).ToList();
        Assert.Equal([2, 1, 0], pages.Select(p => p.Count));
        Assert.Equal(["a.mp4", "b.mp4", "c.mp4"], pages.SelectMany(p => p).Select(v => v.Video!.Key).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/videos?offset=-1")).StatusCode);

        var batches = await http.GetAsync("/catalog/batches?limit=5&offset=0");
        Assert.Equal("0", Assert.Single(batches.Headers.GetValues(StatusEndpoints.TotalCountHeader)));
    }
}
