using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The webhook outbox: subscriptions, one delivery row per (event, subscription), and every
/// attempt made on a delivery. Pending rows are the dispatcher's queue, so deliveries survive a restart.</summary>
public static class WebhookSchema
{
    public static SqliteSchemaPart Part { get; } = new("webhooks", """
        CREATE TABLE IF NOT EXISTS webhook_subscriptions (
            id         TEXT NOT NULL PRIMARY KEY,
            url        TEXT NOT NULL,
            events     TEXT NOT NULL,
            secret     TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            id               TEXT    NOT NULL PRIMARY KEY,
            subscription_id  TEXT    NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
            event_id         TEXT    NOT NULL,
            event_type       TEXT    NOT NULL,
            payload          TEXT    NOT NULL,
            state            TEXT    NOT NULL,
            attempts         INTEGER NOT NULL,
            next_attempt_at  TEXT    NOT NULL,
            last_status_code INTEGER NULL,
            last_error       TEXT    NULL,
            created_at       TEXT    NOT NULL,
            updated_at       TEXT    NOT NULL,
            UNIQUE (subscription_id, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
        CREATE TABLE IF NOT EXISTS webhook_delivery_attempts (
            delivery_id TEXT    NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
            attempt     INTEGER NOT NULL,
            at          TEXT    NOT NULL,
            status_code INTEGER NULL,
            error       TEXT    NULL,
            PRIMARY KEY (delivery_id, attempt)
        ) WITHOUT ROWID;
        """);
}
