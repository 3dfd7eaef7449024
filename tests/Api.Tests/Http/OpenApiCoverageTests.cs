using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Tests.Support;

namespace ShoppableVideo.Api.Tests.Http;

public sealed partial class OpenApiCoverageTests : IAsyncLifetime
{
    /// <summary>The only routes left out of the document on purpose: the web pages' scripts and style sheets and the
    /// document itself. Anything else a client can call, it must find described.</summary>
    static readonly string[] Undescribed = ["GET /assets/{name}", "GET /openapi/{documentName}.json"];

    readonly ApiFactory factory = new();
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        http = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_OpenAPI_document_lists_exactly_the_routes_the_app_serves_and_each_listed_one_answers()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => HttpMethods.Contains(operation.Name.ToUpperInvariant()))
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var served = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Operation: $"{method} {Template(endpoint.RoutePattern.RawText!)}",
                    Excluded: endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)))
            .ToList();

        Assert.Equal(Undescribed, served.Where(s => s.Excluded).Select(s => s.Operation).Order(StringComparer.Ordinal));
        Assert.Empty(served.Where(s => !s.Excluded && !described.Contains(s.Operation)).Select(s => s.Operation));

        // Called without a key and with an empty JSON body, so nothing changes: a write endpoint answers 401,
        // a read of something that is not there its own 404; only a route nothing serves says so.
        var unanswered = new List<string>();
        foreach (var operation in described)
        {
            var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
            using var request = new HttpRequestMessage(new HttpMethod(method), Filled(template));
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (await IsUnknownRouteAsync(response))
                unanswered.Add($"{operation}: {(int)response.StatusCode}");
        }
        Assert.Empty(unanswered);
    }

    static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>"/videos/{id:guid}" as the document writes it: "/videos/{id}".</summary>
    static string Template(string rawText) => "/" + RouteParameter().Replace(rawText.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    static string Filled(string template) => RouteParameter().Replace(template, match => match.Groups[1].Value switch
    {
        "shot" => "0",
        "id" => Guid.NewGuid().ToString("N"),
        _ => "x",
    });

    static async Task<bool> IsUnknownRouteAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
            return true;
        if (response.StatusCode != HttpStatusCode.NotFound)
            return false;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!.StartsWith("nothing is served at ", StringComparison.Ordinal);
    }
}
