using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Reviews;

/// <summary>Over the real host: the lookbook video is processed once, then each test reviews it.</summary>
public class ReviewTests(ReviewTests.ProcessedLookbook lookbook) : IClassFixture<ReviewTests.ProcessedLookbook>
{
    HttpClient Reader => lookbook.Factory.CreateClient();
    HttpClient Writer => lookbook.Factory.CreateClient(ApiFactory.WriteKey);
    Guid VideoId => lookbook.VideoId;

    [SharedDataFact]
    public async Task The_machine_finds_each_photographed_product_in_its_shot()
    {
        // The machine's document: another test reviews shot 1 of the same video.
        var document = await Reader.GetFromJsonAsync<ReviewedDocument>($"/videos/{VideoId:N}/shoppable?original=true");
        Assert.Equal("2.0", document!.SchemaVersion);
        for (var shot = 0; shot < LookbookVideo.Shots.Length; shot++)
            Assert.Contains(LookbookVideo.Shots[shot].Id, document.Segments[shot].Products.Select(p => p.ProductId));
    }

    [SharedDataFact]
    public async Task Products_at_a_moment_are_those_of_the_shot_on_screen_with_boxes()
    {
        var early = await Reader.GetFromJsonAsync<JsonElement>($"/videos/{VideoId:N}/products?t=1.5");
        var late = await Reader.GetFromJsonAsync<JsonElement>($"/videos/{VideoId:N}/products?t=4.5");

        Assert.Equal(0, early.GetProperty("shot").GetInt32());
        Assert.Equal(1, late.GetProperty("shot").GetInt32());
        Assert.Contains(LookbookVideo.Shots[0].Id, ProductIds(early)); // shot 1 is another test's to review
        var box = early.GetProperty("products")[0].GetProperty("box");
        Assert.InRange(box.GetProperty("width").GetDouble(), 0.01, 1);
        Assert.InRange(box.GetProperty("height").GetDouble(), 0.01, 1);
    }

    [SharedDataTheory]
    [InlineData("")]
    [InlineData("?t=-1")]
    [InlineData("?t=600")]
    [InlineData("?t=abc")]
    public async Task A_moment_missing_or_outside_the_video_is_a_bad_request(string query)
    {
        var response = await Reader.GetAsync($"/videos/{VideoId:N}/products{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SharedDataFact]
    public async Task A_review_without_a_key_is_401_and_with_a_wrong_or_read_only_key_403()
    {
        var review = new ReviewRequest(ReviewActions.Approve, LookbookVideo.Shots[0].Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Reader.PostAsJsonAsync($"/videos/{VideoId:N}/shots/0/reviews", review)).StatusCode);
        var wrong = lookbook.Factory.CreateClient("not-a-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PostAsJsonAsync($"/videos/{VideoId:N}/shots/0/reviews", review)).StatusCode);
        var readOnly = lookbook.Factory.CreateClient(ApiFactory.ReadKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync($"/videos/{VideoId:N}/shots/0/reviews", review)).StatusCode);
    }

    [SharedDataFact]
    public async Task Reviews_change_the_served_document_and_the_original_and_history_stay()
    {
        // Shot 1 is this test's alone: the other tests read shot 0 or the machine's document.
        var machine = LookbookVideo.Shots[1].Id;
        var replacement = LookbookVideo.Unshown.Id;

        var approved = await Writer.PostAsJsonAsync($"/videos/{VideoId:N}/shots/1/reviews", new ReviewRequest(ReviewActions.Approve, machine, Note: "looks right"));
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var served = await Reader.GetFromJsonAsync<ReviewedDocument>($"/videos/{VideoId:N}/shoppable");
        var product = served!.Segments[1].Products.Single(p => p.ProductId == machine);
        Assert.Equal("approved", product.Review?.Status);
        Assert.Equal("test-writer", product.Review?.Reviewer);

        var replaced = await Writer.PostAsJsonAsync($"/videos/{VideoId:N}/shots/1/reviews", new ReviewRequest(ReviewActions.Replace, machine, replacement));
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        served = await Reader.GetFromJsonAsync<ReviewedDocument>($"/videos/{VideoId:N}/shoppable");
        Assert.DoesNotContain(machine, served!.Segments[1].Products.Select(p => p.ProductId));
        var swapped = served.Segments[1].Products.Single(p => p.ProductId == replacement);
        Assert.Equal(("replaced", machine), (swapped.Review?.Status, swapped.Review?.OriginalProductId));

        var rejected = await Writer.PostAsJsonAsync($"/videos/{VideoId:N}/shots/1/reviews", new ReviewRequest(ReviewActions.Reject, replacement));
        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
        var servedJson = await Reader.GetStringAsync($"/videos/{VideoId:N}/shoppable");
        Assert.Empty(Schemas.ReviewedDocument.ErrorsIn(servedJson));
        served = JsonSerializer.Deserialize<ReviewedDocument>(servedJson, JsonSerializerOptions.Web);
        Assert.DoesNotContain(served!.Segments[1].Products, p => p.ProductId == replacement || p.ProductId == machine);

        var original = await Reader.GetStringAsync($"/videos/{VideoId:N}/shoppable?original=true");
        Assert.Empty(Schemas.ShoppableDocument.ErrorsIn(original));
        Assert.Contains(machine, original);
        var history = await Reader.GetFromJsonAsync<List<ShotReview>>($"/videos/{VideoId:N}/reviews");
        Assert.Equal([ReviewActions.Approve, ReviewActions.Replace, ReviewActions.Reject], history!.Where(r => r.SegmentIndex == 1).Select(r => r.Action));
    }

    [SharedDataTheory]
    [InlineData("""{"action":"like","productId":"MH01-Orange"}""", 0, HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"approve","productId":""}""", 0, HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"approve","productId":"MH01-Orange"}""", 9, HttpStatusCode.NotFound)]
    [InlineData("""{"action":"approve","productId":"NOT-IN-SHOT"}""", 0, HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"action":"replace","productId":"MH01-Orange"}""", 0, HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"replace","productId":"MH01-Orange","replacementProductId":"NO-SUCH-PRODUCT"}""", 0, HttpStatusCode.UnprocessableEntity)]
    public async Task A_review_that_cannot_apply_is_refused_with_a_reason_and_not_recorded(string body, int shot, HttpStatusCode expected)
    {
        var before = (await Reader.GetFromJsonAsync<List<ShotReview>>($"/videos/{VideoId:N}/reviews"))!.Count;
        var response = await Writer.PostAsync($"/videos/{VideoId:N}/shots/{shot}/reviews",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await Reader.GetFromJsonAsync<List<ShotReview>>($"/videos/{VideoId:N}/reviews"))!.Count);
    }

    [SharedDataFact]
    public async Task Reviewing_an_unknown_video_is_404()
    {
        var response = await Writer.PostAsJsonAsync($"/videos/{Guid.NewGuid():N}/shots/0/reviews", new ReviewRequest(ReviewActions.Approve, "X"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    static IEnumerable<string> ProductIds(JsonElement onScreen) =>
        onScreen.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("productId").GetString()!);

    public sealed class ProcessedLookbook : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Guid VideoId { get; private set; }

        public async Task InitializeAsync()
        {
            if (SharedData.Folder is null)
                return;
            VideoId = (await LookbookVideo.ProcessAsync(Factory.Data, Factory.CreateClient(), TimeSpan.FromMinutes(3))).Id;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
