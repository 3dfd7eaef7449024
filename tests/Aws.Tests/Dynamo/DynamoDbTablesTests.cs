using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

public sealed class DynamoDbTablesTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>
{
    [Fact]
    public async Task Creating_the_tables_twice_is_harmless_and_dynalite_reports_no_ttl()
    {
        var settings = dynamo.Settings(finishedSagaTimeToLive: TimeSpan.FromDays(30));
        using var client = new ObservedDynamoDbClient(settings);
        var tables = new DynamoDbTables(client);

        var firstTimeToLive = await tables.CreateIfMissingAsync(settings);
        var secondTimeToLive = await tables.CreateIfMissingAsync(settings);

        var described = await client.DescribeTableAsync(settings.SagaTable);
        Assert.Equal("ACTIVE", described.Table.TableStatus.Value);
        Assert.Equal(["PK", "SK"], described.Table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal("ACTIVE", (await client.DescribeTableAsync(settings.ArtifactTable)).Table.TableStatus.Value);
        // dynalite 4.0.0 has no UpdateTimeToLive: the tables work, finished sagas just are not removed.
        Assert.False(firstTimeToLive);
        Assert.False(secondTimeToLive);
    }

    [Fact]
    public async Task A_host_with_the_dynamodb_registrations_creates_its_tables_at_start_and_serves_the_artifact_index()
    {
        var settings = dynamo.Settings() with { CreateTablesIfMissing = true };
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDynamoDb(settings).AddDynamoDbArtifactIndex();
        using var host = builder.Build();

        await host.StartAsync();
        var index = host.Services.GetRequiredService<IArtifactIndex>();
        await index.RecordAsync("owner", ArtifactKinds.Metadata, "doc.json");
        await host.StopAsync();

        Assert.IsType<DynamoDbArtifactIndex>(index);
        Assert.Equal("doc.json", Assert.Single(await index.ListAsync("owner")).Key);
    }
}
