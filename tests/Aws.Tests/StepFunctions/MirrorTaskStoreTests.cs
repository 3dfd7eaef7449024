using ShoppableVideo.Aws.Tests.Dynamo;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>What every mirror task store promises, whichever engine keeps it: each token is completed once,
/// with the first outcome, however the halves interleave, repeat or come from several workers at once
/// (each worker its own store, over one SQLite file or one DynamoDB table).</summary>
public abstract class MirrorTaskStoreTests
{
    /// <summary>Stores of <paramref name="workers"/> processes that share one place.</summary>
    protected abstract Task<IReadOnlyList<IMirrorTaskStore>> WorkersAsync(int workers);

    static MirroredTask NewTask(string step = "Probe") => new("VideoProcessing", Guid.NewGuid(), step);

    [Fact]
    public async Task The_second_half_claims_the_completion_once_in_either_order()
    {
        var store = (await WorkersAsync(1))[0];
        var (tokenFirst, outcomeFirst) = (NewTask(), NewTask());

        Assert.Null(await store.RecordTokenAsync(tokenFirst, "t1"));
        var ready = await store.RecordOutcomeAsync(tokenFirst, StepOutcome.Success);
        Assert.Equal(new ReadyCompletion(tokenFirst, "t1", StepOutcome.Success), ready);

        Assert.Null(await store.RecordOutcomeAsync(outcomeFirst, StepOutcome.Failure("Probe", "no video stream")));
        Assert.Equal(new ReadyCompletion(outcomeFirst, "t2", StepOutcome.Failure("Probe", "no video stream")),
            await store.RecordTokenAsync(outcomeFirst, "t2"));

        // Repeats of either half find the completion claimed.
        Assert.Null(await store.RecordTokenAsync(tokenFirst, "t1"));
        Assert.Null(await store.RecordOutcomeAsync(tokenFirst, StepOutcome.Success));
        Assert.Empty(await store.ClaimAllReadyAsync());
    }

    [Fact]
    public async Task The_first_outcome_stays_and_a_new_token_is_owed_a_completion_of_its_own()
    {
        var store = (await WorkersAsync(1))[0];
        var task = NewTask();
        await store.RecordOutcomeAsync(task, StepOutcome.Failure("Probe", "first"));
        await store.RecordOutcomeAsync(task, StepOutcome.Success);
        Assert.Equal(StepOutcome.Failure("Probe", "first"), (await store.RecordTokenAsync(task, "t1"))?.Outcome);

        // Step Functions ran the task again with a new token.
        Assert.Equal(new ReadyCompletion(task, "t2", StepOutcome.Failure("Probe", "first")), await store.RecordTokenAsync(task, "t2"));
        Assert.Equal("t2", await store.TokenOfAsync(task));
    }

    [Fact]
    public async Task A_released_completion_is_claimed_again_by_one_start_up_and_a_replaced_token_is_not_released()
    {
        var store = (await WorkersAsync(1))[0];
        var task = NewTask();
        await store.RecordTokenAsync(task, "t1");
        var ready = Assert.IsType<ReadyCompletion>(await store.RecordOutcomeAsync(task, StepOutcome.Success));

        await store.ReleaseAsync(ready);
        Assert.Equal([ready], await store.ClaimAllReadyAsync());
        Assert.Empty(await store.ClaimAllReadyAsync());

        // A release of an old token after a new one came in leaves the new one's claim alone.
        var renewed = await store.RecordTokenAsync(task, "t2");
        await store.ReleaseAsync(ready);
        Assert.Equal("t2", renewed?.TaskToken);
        Assert.Empty(await store.ClaimAllReadyAsync());
    }

    [Fact]
    public async Task Three_workers_racing_with_both_halves_of_many_steps_complete_each_exactly_once()
    {
        var workers = await WorkersAsync(3);
        var tasks = Enumerable.Range(0, 12).Select(i => NewTask($"Step{i}")).ToList();

        // Every worker hears every half (redeliveries, fan-out), all at once.
        var claims = await Task.WhenAll(workers.SelectMany(worker => tasks.SelectMany(task => new[]
        {
            Task.Run(() => worker.RecordTokenAsync(task, $"token-{task.Step}")),
            Task.Run(() => worker.RecordOutcomeAsync(task, StepOutcome.Success)),
        })));

        var claimed = claims.OfType<ReadyCompletion>().ToList();
        Assert.Equal(tasks.Count, claimed.Count);
        Assert.Equal(tasks.ToHashSet(), claimed.Select(c => c.Task).ToHashSet());
        Assert.All(claimed, c => Assert.Equal($"token-{c.Task.Step}", c.TaskToken));
    }
}

public sealed class SqliteMirrorTaskStoreTests : MirrorTaskStoreTests, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("mirror-store-").FullName;
    readonly List<SqliteDatabase> _databases = [];

    protected override Task<IReadOnlyList<IMirrorTaskStore>> WorkersAsync(int workers)
    {
        var path = Path.Combine(_folder, "shoppable.db");
        IReadOnlyList<IMirrorTaskStore> stores = Enumerable.Range(0, workers).Select(_ =>
        {
            var database = new SqliteDatabase(path, [SqliteMirrorTaskStore.Schema]);
            _databases.Add(database);
            return (IMirrorTaskStore)new SqliteMirrorTaskStore(database);
        }).ToList();
        return Task.FromResult(stores);
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class DynamoDbMirrorTaskStoreTests(LocalDynamoDb dynamo) : MirrorTaskStoreTests, IClassFixture<LocalDynamoDb>, IDisposable
{
    readonly List<ObservedDynamoDbClient> _clients = [];

    protected override async Task<IReadOnlyList<IMirrorTaskStore>> WorkersAsync(int workers)
    {
        var settings = await dynamo.NewTablesAsync();
        return Enumerable.Range(0, workers).Select(_ =>
        {
            var client = new ObservedDynamoDbClient(settings);
            _clients.Add(client);
            return (IMirrorTaskStore)new DynamoDbMirrorTaskStore(client, settings.MirrorTable, TimeProvider.System);
        }).ToList();
    }

    public void Dispose() => _clients.ForEach(c => c.Dispose());
}
