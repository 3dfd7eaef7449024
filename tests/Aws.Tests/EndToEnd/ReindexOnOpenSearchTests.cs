using System.Net;
using System.Net.Http.Json;
using Amazon.S3.Model;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>A reindex in the aws profile builds the next version of the OpenSearch index beside the serving
/// one and swaps the alias when its batches finish, whichever worker runs them: the real reindexer, sagas and
/// batch-completion consumer in two worker processes, the index on the OpenSearch stand-in
/// (<see cref="OpenSearchStandIn"/>), the rest on the local servers.</summary>
public class ReindexOnOpenSearchTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    const string OperatorKey = "e2e-operator-key-0123456789abcdef";
    const string Alias = "e2e-reindex-products";

    [SharedDataFact]
    public async Task A_reindex_through_one_worker_builds_the_next_version_and_the_last_batch_swaps_it_in_and_deletes_the_old()
    {
        await using var openSearch = await OpenSearchStandIn.StartAsync();
        var deployment = await stack.DeployAsync("e2e-reindex");
        string[] settings = [.. deployment.WorkerSettings(), .. Deployment.ProductIndexOn(openSearch.Endpoint, Alias),
            .. Deployment.AcceptingKey("operator", OperatorKey)];
        (string Id, string Category, string Photo)[] products =
        [
            ("WH01-Green", "Women/Tops/Hoodies & Sweatshirts", "wh01-green_main.jpg"),
            ("WB01-Black", "Gear/Bags", "wb01-black_main.jpg"),
        ];
        using var workerA = await HostProcess.StartAsync(NewDataFolder(), settings);
        using var workerB = await HostProcess.StartAsync(NewDataFolder(), settings);
        await deployment.DropLumaCatalogAsync(products);
        var first = await Poll.UntilAsync(async ct => (await workerA.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), Timeout, describe: () => workerA.Output);
        Assert.Equal("Completed", first.Status.State);
        Assert.Equal([$"{Alias}-v1"], openSearch.Indexes());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/catalog/reindex");
        request.Headers.Add(ApiKeyFilter.HeaderName, OperatorKey);
        using var answer = await workerB.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var reindex = (await answer.Content.ReadFromJsonAsync<ReindexAccepted>())!;
        var batch = Assert.Single(reindex.Batches);

        // The swap is the last thing the batch's completion causes: wait for the alias to move.
        await Poll.UntilAsync(async _ => await Task.FromResult(openSearch.IndexesBehind(Alias).SequenceEqual([$"{Alias}-v2"]) ? "swapped" : null),
            Timeout, describe: () => $"{workerA.Output}\n{workerB.Output}");

        var reapplied = await workerA.Http.GetFromJsonAsync<CatalogBatchStatus>(batch.Status);
        Assert.Equal(("Completed", 2), (reapplied!.Status.State, reapplied.Ingested));
        Assert.Equal([$"{Alias}-v2"], openSearch.Indexes());
        Assert.Empty(openSearch.IndexesBehind($"{Alias}-building"));
        Assert.Equal(products.Select(p => p.Id).Order(StringComparer.Ordinal),
            openSearch.Documents(Alias).Where(d => d.ContainsKey("productId")).Select(d => (string)d["productId"]!).Order(StringComparer.Ordinal));
    }

    static string NewDataFolder() => Directory.CreateTempSubdirectory("sv-aws-reindex-").FullName;
}
