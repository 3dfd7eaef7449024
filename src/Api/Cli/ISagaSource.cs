using ShoppableVideo.Api.Endpoints;

namespace ShoppableVideo.Api.Cli;

/// <summary>Where <c>status</c> and <c>watch</c> read sagas from: a data folder's SQLite file
/// (<see cref="SagaDatabase"/>, the embedded fallback) or any deployment's REST API (<see cref="ApiSagaSource"/>).
/// Both answer in the API's own shapes, so the CLI prints one thing one way.</summary>
public interface ISagaSource : IAsyncDisposable
{
    /// <summary>Most recently updated first, at most 1000.</summary>
    Task<IReadOnlyList<VideoStatus>> VideosAsync(CancellationToken ct);

    Task<IReadOnlyList<CatalogBatchStatus>> BatchesAsync(CancellationToken ct);

    Task<VideoStatus?> FindVideoAsync(Guid id, CancellationToken ct);

    Task<CatalogBatchStatus?> FindBatchAsync(Guid id, CancellationToken ct);
}

public static class SagaSourceExtensions
{
    /// <summary>Videos, then catalog batches, each most recently updated first.</summary>
    public static async Task<IReadOnlyList<SagaRow>> ListAsync(this ISagaSource source, CancellationToken ct) =>
    [
        .. (await source.VideosAsync(ct)).Select(SagaRow.Of),
        .. (await source.BatchesAsync(ct)).Select(SagaRow.Of),
    ];

    public static async Task<IReadOnlyList<SagaRow>> RunningAsync(this ISagaSource source, CancellationToken ct) =>
        (await source.ListAsync(ct)).Where(row => !row.Finished).ToList();

    public static async Task<SagaRow?> FindAsync(this ISagaSource source, Guid id, CancellationToken ct) =>
        await source.FindVideoAsync(id, ct) is { } video ? SagaRow.Of(video)
        : await source.FindBatchAsync(id, ct) is { } batch ? SagaRow.Of(batch)
        : null;
}
