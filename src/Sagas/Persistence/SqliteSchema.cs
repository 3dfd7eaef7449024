using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// The tables the embedded profile keeps in its SQLite file. Every statement is idempotent so the
/// schema can be applied on every start without a migration tool.
/// </summary>
internal static class SqliteSchema
{
    // One table for all saga types rather than one per type: the status API and the start-up resume
    // scan work the same way for every saga, adding a saga type needs no DDL, and the DynamoDB
    // adapter uses the same (saga_type, correlation_id) key shape.
    public static SqliteSchemaPart SagaInstances { get; } = new("sagas", """
        CREATE TABLE IF NOT EXISTS saga_instances (
            saga_type      TEXT    NOT NULL,
            correlation_id TEXT    NOT NULL,
            current_state  TEXT    NULL,
            version        INTEGER NOT NULL,
            data           TEXT    NOT NULL,
            updated_at     TEXT    NOT NULL,
            PRIMARY KEY (saga_type, correlation_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_saga_instances_state
            ON saga_instances (saga_type, current_state);
        CREATE INDEX IF NOT EXISTS ix_saga_instances_updated
            ON saga_instances (saga_type, updated_at);
        """);

    public static SqliteSchemaPart Artifacts { get; } = new("artifacts", """
        CREATE TABLE IF NOT EXISTS artifacts (
            owner_id     TEXT NOT NULL,
            kind         TEXT NOT NULL,
            artifact_key TEXT NOT NULL,
            attributes   TEXT NULL,
            created_at   TEXT NOT NULL,
            PRIMARY KEY (owner_id, kind, artifact_key)
        ) WITHOUT ROWID;
        """);

    public static IReadOnlyList<SqliteSchemaPart> All { get; } = [SagaInstances, Artifacts];
}
