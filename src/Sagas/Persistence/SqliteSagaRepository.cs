using ShoppableVideo.Sqlite;
using System.Text.Json;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Saga instances of one type stored as JSON rows in <c>saga_instances</c>, with optimistic concurrency
/// on the <c>version</c> column: a write that lost a race throws <see cref="ConcurrencyException"/>, and the
/// consumer pipeline's retry policy replays the message against the winner's state.
/// MassTransit reaches it through <see cref="SagaStoreRepositoryContextFactory{TSaga}"/>.
/// </summary>
public sealed class SqliteSagaRepository<TSaga> : ISagaStore<TSaga>
    where TSaga : class, ISagaVersion
{
    readonly SqliteDatabase _database;
    readonly SqliteSagaRepositoryOptions<TSaga> _options;

    public SqliteSagaRepository(SqliteDatabase database, SqliteSagaRepositoryOptions<TSaga>? options = null)
    {
        _database = database;
        _options = options ?? new SqliteSagaRepositoryOptions<TSaga>();
    }

    public string SagaType => _options.SagaType;

    public string Persistence => "sqlite";

    /// <summary>Stores a new instance at version 1; an existing row with the same id is a conflict.</summary>
    public async Task InsertAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        const int firstVersion = 1;
        var previousVersion = instance.Version;
        instance.Version = firstVersion;
        var data = Serialize(instance);

        var inserted = await _database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                INSERT INTO saga_instances (saga_type, correlation_id, current_state, version, data, updated_at)
                VALUES (@type, @id, @state, @version, @data, @updated)
                ON CONFLICT (saga_type, correlation_id) DO NOTHING
                """, transaction)
                .With("@type", SagaType)
                .With("@id", SqliteCommands.Key(instance.CorrelationId))
                .With("@state", _options.StateOf(instance))
                .With("@version", firstVersion)
                .With("@data", data)
                .With("@updated", SqliteCommands.Timestamp(DateTimeOffset.UtcNow));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (inserted == 0)
        {
            instance.Version = previousVersion;
            throw new ConcurrencyException($"{SagaType} {instance.CorrelationId} already exists", typeof(TSaga),
                instance.CorrelationId);
        }
    }

    /// <summary>
    /// Writes the instance if the stored version is still the one it was loaded at, and advances both.
    /// </summary>
    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        var expectedVersion = instance.Version;
        instance.Version = expectedVersion + 1;
        var data = Serialize(instance);

        var updated = await _database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                UPDATE saga_instances
                   SET current_state = @state, version = @next, data = @data, updated_at = @updated
                 WHERE saga_type = @type AND correlation_id = @id AND version = @expected
                """, transaction)
                .With("@type", SagaType)
                .With("@id", SqliteCommands.Key(instance.CorrelationId))
                .With("@state", _options.StateOf(instance))
                .With("@next", instance.Version)
                .With("@expected", expectedVersion)
                .With("@data", data)
                .With("@updated", SqliteCommands.Timestamp(DateTimeOffset.UtcNow));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (updated == 0)
        {
            // Leave the instance as it was so a caller that inspects it sees what it loaded.
            instance.Version = expectedVersion;
            throw new ConcurrencyException(
                $"{SagaType} {instance.CorrelationId} was changed or removed since version {expectedVersion} was loaded",
                typeof(TSaga), instance.CorrelationId);
        }
    }

    /// <summary>Removes a finalized instance, unless someone changed it after it was loaded.</summary>
    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        var deleted = await _database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                DELETE FROM saga_instances
                 WHERE saga_type = @type AND correlation_id = @id AND version = @expected
                """, transaction)
                .With("@type", SagaType)
                .With("@id", SqliteCommands.Key(instance.CorrelationId))
                .With("@expected", instance.Version);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (deleted == 0)
            throw new ConcurrencyException(
                $"{SagaType} {instance.CorrelationId} was changed or removed since version {instance.Version} was loaded",
                typeof(TSaga), instance.CorrelationId);
    }

    public async Task<TSaga?> FindAsync(Guid correlationId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TSaga> found = await QueryAsync(
            "SELECT version, data FROM saga_instances WHERE saga_type = @type AND correlation_id = @id",
            command => command.With("@id", SqliteCommands.Key(correlationId)),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<TSaga>> ListAsync(int limit = 100, int offset = 0, string? state = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return QueryAsync("""
            SELECT version, data FROM saga_instances
             WHERE saga_type = @type AND (@state IS NULL OR current_state = @state)
             ORDER BY updated_at DESC, correlation_id
             LIMIT @limit OFFSET @offset
            """,
            command => command.With("@state", state).With("@limit", limit).With("@offset", offset),
            cancellationToken);
    }

    public Task<int> CountAsync(string? state = null, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("""
                SELECT COUNT(*) FROM saga_instances WHERE saga_type = @type AND (@state IS NULL OR current_state = @state)
                """).With("@type", SagaType).With("@state", state);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    public Task<IReadOnlyList<TSaga>> ListUnfinishedAsync(IReadOnlyCollection<string> finalStateNames,
        CancellationToken cancellationToken = default)
    {
        var names = finalStateNames.ToArray();
        // "NOT IN (NULL)" would match nothing, so no final states means no state filter at all.
        var unfinished = names.Length == 0
            ? "1 = 1"
            : $"current_state IS NULL OR current_state NOT IN ({string.Join(", ", names.Select((_, i) => $"@final{i}"))})";
        return QueryAsync($"""
            SELECT version, data FROM saga_instances
             WHERE saga_type = @type AND ({unfinished})
             ORDER BY updated_at, correlation_id
            """,
            command =>
            {
                for (var i = 0; i < names.Length; i++)
                    command.With($"@final{i}", names[i]);
                return command;
            },
            cancellationToken);
    }

    /// <summary>
    /// Correlation ids of the instances matching a MassTransit saga query. The expression is not translated
    /// to SQL: it runs over every instance of this saga type, which suits the embedded profile's volumes
    /// and is why our sagas correlate by CorrelationId wherever they can.
    /// </summary>
    public async Task<IList<Guid>> FindIdsAsync(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var matches = query.GetFilter();
        var all = await QueryAsync("SELECT version, data FROM saga_instances WHERE saga_type = @type",
            command => command, cancellationToken).ConfigureAwait(false);
        return all.Where(matches).Select(instance => instance.CorrelationId).ToList();
    }

    Task<IReadOnlyList<TSaga>> QueryAsync(string sql, Func<SqliteCommand, SqliteCommand> bind,
        CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<TSaga>>(async connection =>
        {
            await using var command = bind(connection.Command(sql).With("@type", SagaType));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var instances = new List<TSaga>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                instances.Add(Deserialize(reader.GetInt32(0), reader.GetString(1)));
            return instances;
        }, cancellationToken);

    string Serialize(TSaga instance) => JsonSerializer.Serialize(instance, _options.JsonOptions);

    TSaga Deserialize(int version, string data)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(data, _options.JsonOptions)
            ?? throw new InvalidOperationException($"{SagaType} row holds JSON null");
        // The column, not the JSON copy, is what the optimistic check compares against.
        instance.Version = version;
        return instance;
    }
}
