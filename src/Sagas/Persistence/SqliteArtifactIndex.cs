using ShoppableVideo.Sqlite;
using System.Globalization;
using ShoppableVideo.Sagas.Artifacts;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>The embedded <see cref="IArtifactIndex"/>: the <c>artifacts</c> table in the shared SQLite file.</summary>
public sealed class SqliteArtifactIndex : IArtifactIndex
{
    readonly SqliteDatabase _database;

    public SqliteArtifactIndex(SqliteDatabase database)
    {
        _database = database;
    }

    public Task RecordAsync(string ownerId, string kind, string key, string? attributesJson = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        // An upsert rather than INSERT OR REPLACE: a replay refreshes the attributes but keeps the
        // original created_at, which is when the artifact really appeared.
        return _database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                INSERT INTO artifacts (owner_id, kind, artifact_key, attributes, created_at)
                VALUES (@owner, @kind, @key, @attributes, @created)
                ON CONFLICT (owner_id, kind, artifact_key) DO UPDATE SET attributes = excluded.attributes
                """, transaction)
                .With("@owner", ownerId)
                .With("@kind", kind)
                .With("@key", key)
                .With("@attributes", attributesJson)
                .With("@created", SqliteCommands.Timestamp(DateTimeOffset.UtcNow));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string ownerId, string? kind = null,
        CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<ArtifactEntry>>(async connection =>
        {
            await using var command = connection.Command("""
                SELECT kind, artifact_key, attributes, created_at FROM artifacts
                 WHERE owner_id = @owner AND (@kind IS NULL OR kind = @kind)
                 ORDER BY kind, artifact_key
                """)
                .With("@owner", ownerId)
                .With("@kind", kind);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<ArtifactEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new ArtifactEntry(
                    ownerId,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            }
            return entries;
        }, cancellationToken);
}
