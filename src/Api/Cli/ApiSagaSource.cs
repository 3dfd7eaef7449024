using System.Net;
using System.Net.Http.Json;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;

namespace ShoppableVideo.Api.Cli;

/// <summary>Sagas read through a deployment's REST API (<c>GET /videos</c>, <c>/catalog/batches</c>), so
/// <c>status</c> and <c>watch</c> work against any profile, however many processes serve it.</summary>
public sealed class ApiSagaSource(HttpClient http) : ISagaSource
{
    public static ApiSagaSource Open(string url, string? apiKey)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new CliException($"--api needs an http(s) address, such as http://127.0.0.1:5080 (not '{url}')");
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is { Length: > 0 })
            http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, apiKey);
        return new ApiSagaSource(http);
    }

    public async Task<IReadOnlyList<VideoStatus>> VideosAsync(CancellationToken ct) =>
        await GetAsync<List<VideoStatus>>("videos?limit=1000", ct) ?? [];

    public async Task<IReadOnlyList<CatalogBatchStatus>> BatchesAsync(CancellationToken ct) =>
        await GetAsync<List<CatalogBatchStatus>>("catalog/batches?limit=1000", ct) ?? [];

    public Task<VideoStatus?> FindVideoAsync(Guid id, CancellationToken ct) => GetAsync<VideoStatus>($"videos/{id:N}", ct);

    public Task<CatalogBatchStatus?> FindBatchAsync(Guid id, CancellationToken ct) => GetAsync<CatalogBatchStatus>($"catalog/batches/{id:N}", ct);

    /// <summary>Null for a 404; any other failure is the CLI's one-line error, naming the server.</summary>
    async Task<T?> GetAsync<T>(string path, CancellationToken ct) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new CliException($"{http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase} to GET /{path}" +
                    (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? ": give a key with --api-key" : ""));
            return await response.Content.ReadFromJsonAsync<T>(ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach {http.BaseAddress}: {e.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
