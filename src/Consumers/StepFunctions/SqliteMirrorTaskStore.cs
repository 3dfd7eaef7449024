using Microsoft.Data.Sqlite;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The mirror's memory in the embedded profile's SQLite file, so it outlives a restart. Whoever
/// supplies the second half claims the completion in the same transaction as the write.</summary>
public sealed class SqliteMirrorTaskStore(SqliteDatabase database) : IMirrorTaskStore
{
    public static SqliteSchemaPart Schema { get; } = new("stepfunctions-mirror", """
        CREATE TABLE IF NOT EXISTS stepfunctions_tasks (
            saga         TEXT NOT NULL,
            saga_id      TEXT NOT NULL,
            step         TEXT NOT NULL,
            task_token   TEXT NULL,
            succeeded    INTEGER NULL,
            error        TEXT NULL,
            cause        TEXT NULL,
            completed_at TEXT NULL,
            updated_at   TEXT NOT NULL,
            PRIMARY KEY (saga, saga_id, step)
        );
        """);

    public Task<ReadyCompletion?> RecordTokenAsync(MirroredTask task, string taskToken, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using (var command = connection.Command("""
                INSERT INTO stepfunctions_tasks (saga, saga_id, step, task_token, updated_at)
                VALUES (@saga, @id, @step, @token, @now)
                ON CONFLICT (saga, saga_id, step) DO UPDATE
                   SET task_token = excluded.task_token, completed_at = NULL, updated_at = excluded.updated_at
                 WHERE task_token IS NOT excluded.task_token
                """, transaction))
                await Bind(command, task).With("@token", taskToken).ExecuteNonQueryAsync(cancellationToken);
            return await ClaimAsync(connection, transaction, task, cancellationToken);
        }, cancellationToken);

    public Task<ReadyCompletion?> RecordOutcomeAsync(MirroredTask task, StepOutcome outcome, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using (var command = connection.Command("""
                INSERT INTO stepfunctions_tasks (saga, saga_id, step, succeeded, error, cause, updated_at)
                VALUES (@saga, @id, @step, @succeeded, @error, @cause, @now)
                ON CONFLICT (saga, saga_id, step) DO UPDATE
                   SET succeeded = excluded.succeeded, error = excluded.error, cause = excluded.cause,
                       updated_at = excluded.updated_at
                 WHERE succeeded IS NULL
                """, transaction))
                await Bind(command, task)
                    .With("@succeeded", outcome.Succeeded ? 1 : 0)
                    .With("@error", outcome.Error)
                    .With("@cause", outcome.Cause)
                    .ExecuteNonQueryAsync(cancellationToken);
            return await ClaimAsync(connection, transaction, task, cancellationToken);
        }, cancellationToken);

    public Task ReleaseAsync(ReadyCompletion completion, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                UPDATE stepfunctions_tasks SET completed_at = NULL, updated_at = @now
                 WHERE saga = @saga AND saga_id = @id AND step = @step AND task_token = @token
                """, transaction);
            await Bind(command, completion.Task).With("@token", completion.TaskToken).ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<ReadyCompletion>> ClaimAllReadyAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<ReadyCompletion>>(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                UPDATE stepfunctions_tasks SET completed_at = @now
                 WHERE task_token IS NOT NULL AND succeeded IS NOT NULL AND completed_at IS NULL
                RETURNING saga, saga_id, step, task_token, succeeded, error, cause
                """, transaction).With("@now", SqliteCommands.Timestamp(DateTimeOffset.UtcNow));
            return await ReadAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<string?> TokenOfAsync(MirroredTask task, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command(
                "SELECT task_token FROM stepfunctions_tasks WHERE saga = @saga AND saga_id = @id AND step = @step");
            var token = await Bind(command, task).ExecuteScalarAsync(cancellationToken);
            return token as string;
        }, cancellationToken);

    static async Task<ReadyCompletion?> ClaimAsync(SqliteConnection connection, SqliteTransaction transaction, MirroredTask task,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            UPDATE stepfunctions_tasks SET completed_at = @now
             WHERE saga = @saga AND saga_id = @id AND step = @step
               AND task_token IS NOT NULL AND succeeded IS NOT NULL AND completed_at IS NULL
            RETURNING saga, saga_id, step, task_token, succeeded, error, cause
            """, transaction);
        return (await ReadAsync(Bind(command, task), cancellationToken)).SingleOrDefault();
    }

    static async Task<IReadOnlyList<ReadyCompletion>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var ready = new List<ReadyCompletion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ready.Add(new ReadyCompletion(
                new MirroredTask(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetString(2)),
                reader.GetString(3),
                new StepOutcome(reader.GetInt64(4) == 1, reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6))));
        return ready;
    }

    static SqliteCommand Bind(SqliteCommand command, MirroredTask task) =>
        command.With("@saga", task.Saga)
            .With("@id", SqliteCommands.Key(task.SagaId))
            .With("@step", task.Step)
            .With("@now", SqliteCommands.Timestamp(DateTimeOffset.UtcNow));
}
