using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Cli;

/// <summary>The saga tables of a data folder, read straight from its SQLite file: no host, no bus, so
/// <c>status</c> and <c>watch</c> work beside a running <c>serve</c> or after it stopped.</summary>
public sealed class SagaDatabase : ISagaSource
{
    readonly ServiceProvider services;

    SagaDatabase(ServiceProvider services)
    {
        this.services = services;
        Videos = services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        Batches = services.GetRequiredService<ISagaStateReader<CatalogIngestionState>>();
    }

    public ISagaStateReader<VideoProcessingState> Videos { get; }
    public ISagaStateReader<CatalogIngestionState> Batches { get; }

    /// <summary>Opens the folder's database; a folder without one is an error rather than a new, empty file.</summary>
    public static SagaDatabase Open(DataDirectory data)
    {
        if (!File.Exists(data.DatabasePath))
            throw new CliException($"there is no database in {data.Root} (expected {Path.GetFileName(data.DatabasePath)}): " +
                                   "nothing has run on this data folder yet, or --data points elsewhere");
        var services = new ServiceCollection();
        services.AddSqliteDatabase(data.DatabasePath);
        AddReader<VideoProcessingState>(services);
        AddReader<CatalogIngestionState>(services);
        return new SagaDatabase(services.BuildServiceProvider());
    }

    static void AddReader<TSaga>(IServiceCollection services) where TSaga : class, MassTransit.ISagaVersion
    {
        services.AddSingleton(provider => new SqliteSagaRepository<TSaga>(provider.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISagaStateReader<TSaga>>(provider => provider.GetRequiredService<SqliteSagaRepository<TSaga>>());
    }

    public async Task<IReadOnlyList<VideoStatus>> VideosAsync(CancellationToken ct) =>
        (await Videos.ListAsync(1000, 0, null, ct)).Select(VideoStatus.Of).ToList();

    public async Task<IReadOnlyList<CatalogBatchStatus>> BatchesAsync(CancellationToken ct) =>
        (await Batches.ListAsync(1000, 0, null, ct)).Select(CatalogBatchStatus.Of).ToList();

    public async Task<VideoStatus?> FindVideoAsync(Guid id, CancellationToken ct) =>
        await Videos.FindAsync(id, ct) is { } video ? VideoStatus.Of(video) : null;

    public async Task<CatalogBatchStatus?> FindBatchAsync(Guid id, CancellationToken ct) =>
        await Batches.FindAsync(id, ct) is { } batch ? CatalogBatchStatus.Of(batch) : null;

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
