using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Http;

public class ApiBasicsTests : IAsyncLifetime
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
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/videos", paths);
        Assert.Contains("/videos/{id}/shoppable", paths);
        Assert.Contains("/products/{id}", paths);
        Assert.Equal("X-Api-Key", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_marks_mutating_operations_as_needing_a_key_and_reads_as_open()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var review = paths.GetProperty("/videos/{id}/shots/{shot}/reviews").GetProperty("post");
        Assert.True(review.TryGetProperty("security", out _));
        Assert.True(review.GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/videos/{id}/shoppable").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Liveness_answers_and_readiness_reports_each_check()
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["sqlite"]);
        Assert.Equal("Healthy", checks["media-tools"]);
        Assert.Contains("vision", checks.Keys);
        Assert.Equal(("Healthy", "Healthy", "Healthy"), (checks["buckets"], checks["saga-store"], checks["product-index"]));
        Assert.Equal("Healthy", checks["masstransit-bus"]);
    }

    [Theory]
    [InlineData("/videos/6f9619ff8b86d011b42d00cf4fc964ff")]
    [InlineData("/videos/6f9619ff8b86d011b42d00cf4fc964ff/shoppable")]
    [InlineData("/products/no-such-product")]
    [InlineData("/catalog/batches/6f9619ff8b86d011b42d00cf4fc964ff")]
    public async Task Unknown_resources_are_404_problem_details(string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/no-such-route", 404, "nothing is served at GET /no-such-route")]
    [InlineData("/videos?limit=abc", 400, "limit")]
    [InlineData("/videos/not-a-guid/shoppable", 404, "nothing is served at GET /videos/not-a-guid/shoppable")]
    public async Task A_route_nothing_serves_and_a_parameter_that_does_not_bind_are_problems_that_say_why(
        string path, int status, string detailMentions)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Reads_need_a_key_when_configuration_says_so()
    {
        await using var keyed = new ApiFactory(settings: new Dictionary<string, string?> { ["ShoppableVideo:Api:RequireKeyForReads"] = "true" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.CreateClient().GetAsync("/videos")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyed.CreateClient("wrong").GetAsync("/videos")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyed.CreateClient(ApiFactory.ReadKey).GetAsync("/videos")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyed.CreateClient().GetAsync("/health")).StatusCode); // probes stay open
    }

    [Theory]
    [InlineData("POST", "/webhooks", null, null, null, 401, "Send a key in the X-Api-Key header")]
    [InlineData("POST", "/webhooks", "wrong", null, null, 403, "matches no configured key")]
    [InlineData("POST", "/webhooks", ApiFactory.ReadKey, null, null, 403, "does not have the 'write' scope")]
    [InlineData("DELETE", "/videos", null, null, null, 405, "/videos does not take DELETE")]
    [InlineData("POST", "/webhooks", ApiFactory.WriteKey, "application/json", "{\"url\": ", 400, "the request could not be read")]
    [InlineData("POST", "/webhooks", ApiFactory.WriteKey, "text/plain", "url", 415, "does not take a body of type 'text/plain; charset=utf-8'")]
    public async Task Every_refusal_is_a_problem_whose_detail_says_why(string method, string path, string? key,
        string? contentType, string? body, int status, string detailMentions)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);

        var response = await factory.CreateClient(key).SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_server_failure_is_a_500_problem_that_says_so_without_the_exception()
    {
        await using var failing = new ApiFactory(services => services.AddSingleton<IProductCatalog>(new FailingCatalog()));

        var response = await failing.CreateClient().GetAsync("/catalog/products");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(Hosting.ClientRequestErrors.ServerFailureDetail, problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain(FailingCatalog.Secret, text);
        Assert.DoesNotContain(nameof(FailingCatalog), text);
    }

    sealed class FailingCatalog : IProductCatalog
    {
        public const string Secret = "Data Source=/secret/connection";
        static InvalidOperationException Failure() => new($"cannot open {Secret}");
        public Task UpsertAsync(CatalogProduct product, string imageContentHash, CancellationToken cancellationToken) => throw Failure();
        public Task<CatalogEntry?> FindAsync(string productId, CancellationToken cancellationToken) => throw Failure();
        public Task DeleteAsync(string productId, CancellationToken cancellationToken) => throw Failure();
        public Task<CatalogPage> ListAsync(int offset, int limit, ProductFilter filter, CancellationToken cancellationToken) => throw Failure();
    }
}
