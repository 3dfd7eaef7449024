using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Api.Tests.Events;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Rematch;

/// <summary>
/// Over the real host, real models and the shared Luma photos: the lookbook video (shot 0 the orange hoodie,
/// shot 1 the purple pants) is processed against a catalog that lacks the pants, reviewed, and then a second
/// manifest brings the pants in. The video is re-matched from its stored descriptors into version 2, announced
/// as video.rematched; version 1 is still served on request, and the reviews carry over.
/// </summary>
public sealed class RematchTests : IAsyncLifetime
{
    static readonly Lookbook.Product Hoodie = LookbookVideo.Catalog[0];
    static readonly Lookbook.Product Pants = LookbookVideo.Catalog[1];
    static readonly Lookbook.Product OtherHoodie = LookbookVideo.Catalog[2];

    readonly ApiFactory factory = new();
    HttpClient Reader => factory.CreateClient();
    HttpClient Writer => factory.CreateClient(ApiFactory.WriteKey);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [SharedDataFact]
    public async Task A_product_added_to_the_catalog_re_matches_a_processed_video_into_a_new_version_and_reviews_carry_over()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var events = await ConnectAsync(timeout.Token);
        var batch = await Lookbook.IngestAsync(factory.Data, Reader, [Hoodie, OtherHoodie]);
        Assert.Equal(2, batch.Ingested);
        Lookbook.DropVideo(factory.Data, LookbookVideo.VideoKey, 640, 480, [.. LookbookVideo.Shots.Select(p => new Lookbook.Shot(p.Image))]);
        var video = await Lookbook.WaitForVideoAsync(Reader, LookbookVideo.VideoKey, TimeSpan.FromMinutes(4));
        Assert.Equal("Completed", video.Status.State);
        var id = video.Id;

        var first = (await Reader.GetFromJsonAsync<ReviewedDocument>($"/videos/{id:N}/shoppable"))!;
        Assert.Equal(1, first.Version);
        Assert.Contains(Hoodie.Id, first.Segments[0].Products.Select(p => p.ProductId));
        Assert.DoesNotContain(Pants.Id, first.Segments[1].Products.Select(p => p.ProductId));

        // An added box must lie in the picture, name a catalog product (the pants are not one yet), and not one the shot lists.
        async Task<HttpStatusCode> Add(int shot, string productId, string box) => (await Writer.PostAsync($"/videos/{id:N}/shots/{shot}/reviews",
            new StringContent("{\"action\":\"add\",\"productId\":\"" + productId + "\"" + box + "}", System.Text.Encoding.UTF8, "application/json"))).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await Add(1, OtherHoodie.Id, ""));
        Assert.Equal(HttpStatusCode.BadRequest, await Add(1, OtherHoodie.Id, ""","box":{"left":0.1,"top":0.2,"width":0,"height":0.4}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await Add(1, OtherHoodie.Id, ""","box":{"left":-0.1,"top":0.2,"width":0.3,"height":0.4}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await Add(1, OtherHoodie.Id, ""","box":{"left":0.8,"top":0.2,"width":0.3,"height":0.4}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await Add(1, Pants.Id, ""","box":{"left":0.1,"top":0.2,"width":0.3,"height":0.4}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await Add(0, Hoodie.Id, ""","box":{"left":0.1,"top":0.2,"width":0.3,"height":0.4}"""));
        Assert.Empty((await Reader.GetFromJsonAsync<List<ShotReview>>($"/videos/{id:N}/reviews"))!);

        // A reviewer approves the hoodie in shot 0 and draws a box in shot 1 for a product the machine did not list there.
        Assert.Equal(HttpStatusCode.Created,
            (await Writer.PostAsJsonAsync($"/videos/{id:N}/shots/0/reviews", new ReviewRequest(ReviewActions.Approve, Hoodie.Id))).StatusCode);
        var drawn = new NormalizedBox(0.1, 0.2, 0.3, 0.4);
        var missed = new[] { OtherHoodie.Id, Hoodie.Id }.First(p => first.Segments[1].Products.All(m => m.ProductId != p));
        Assert.Equal(HttpStatusCode.Created,
            (await Writer.PostAsJsonAsync($"/videos/{id:N}/shots/1/reviews", new ReviewRequest(ReviewActions.Add, missed, Box: drawn))).StatusCode);

        // The catalog gains the pants: a manifest of its own beside the first.
        await CatalogDrops.DropManifestAsync(factory.Data, "new-in.csv", [Pants]);
        var rematched = await events.FirstAsync(e => e.Type == CompletionEventTypes.VideoRematched, timeout.Token);
        var announced = EventTestSupport.Json(rematched.Data);
        Assert.Equal(id, announced.GetProperty("videoId").GetGuid());
        Assert.Equal(2, announced.GetProperty("version").GetInt32());
        Assert.Equal($"videos/{id:N}/shoppable.v2.json", announced.GetProperty("key").GetString());

        // The latest version holds the new product, with the reviews applied.
        var latestJson = await Reader.GetStringAsync($"/videos/{id:N}/shoppable");
        Assert.Empty(Schemas.ReviewedDocument.ErrorsIn(latestJson));
        var latest = JsonSerializer.Deserialize<ReviewedDocument>(latestJson, JsonSerializerOptions.Web)!;
        Assert.Equal(2, latest.Version);
        Assert.Contains("catalog batch", latest.Reason);
        Assert.Contains(Pants.Id, latest.Segments[1].Products.Select(p => p.ProductId));
        var approved = latest.Segments[0].Products.Single(p => p.ProductId == Hoodie.Id);
        Assert.Equal(("approved", ProductMatches.Exact, 1.0), (approved.Review?.Status, approved.Match, approved.Confidence));
        var added = latest.Segments[1].Products.Single(p => p.ProductId == missed);
        Assert.Equal(("added", ProductMatches.Exact, 1.0, drawn), (added.Review?.Status, added.Match, added.Confidence, added.Box));

        // The machine's version 2 as written, and version 1 as it was, reviews applied to it too.
        var machine = await Reader.GetStringAsync($"/videos/{id:N}/shoppable?original=true");
        Assert.Empty(Schemas.ShoppableDocument.ErrorsIn(machine));
        Assert.Equal(2, JsonDocument.Parse(machine).RootElement.GetProperty("version").GetInt32());
        var old = (await Reader.GetFromJsonAsync<ReviewedDocument>($"/videos/{id:N}/shoppable?version=1"))!;
        Assert.Equal(1, old.Version);
        Assert.DoesNotContain(Pants.Id, old.Segments[1].Products.Select(p => p.ProductId));
        Assert.Equal("approved", old.Segments[0].Products.Single(p => p.ProductId == Hoodie.Id).Review?.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/videos/{id:N}/shoppable?version=3")).StatusCode);

        var versions = (await Reader.GetFromJsonAsync<List<DocumentVersion>>($"/videos/{id:N}/versions"))!;
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([$"videos/{id:N}/shoppable.json", $"videos/{id:N}/shoppable.v2.json"], versions.Select(v => v.Key));
        Assert.Equal(DocumentVersion.FirstProcessing, versions[0].Reason);
        Assert.Contains("new-in.csv", versions[1].Reason);
        Assert.All(versions, v => Assert.NotNull(v.CreatedAt));
    }

    async Task<ServerSentEventReader> ConnectAsync(CancellationToken ct)
    {
        var response = await Reader.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/events"), HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ServerSentEventReader(await response.Content.ReadAsStreamAsync(ct));
    }
}
