using System.Globalization;
using Microsoft.Data.Sqlite;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// The <c>webhook_deliveries</c> queue in the SQLite file: enqueueing is one transaction. One process
/// dispatches from its own file, so a due delivery needs no claim.
/// </summary>
public sealed class SqliteWebhookOutbox(SqliteDatabase database, TimeProvider clock, WebhookDispatchSignal signal) : IWebhookOutbox
{
    public async Task<int> EnqueueAsync(CompletionEvent completion, CancellationToken ct)
    {
        var now = SqliteCommands.Timestamp(clock.GetUtcNow());
        var payload = completion.ToJson();
        var queued = await database.WriteAsync(async (connection, transaction) =>
        {
            var count = 0;
            foreach (var subscription in await SqliteWebhookSubscriptionStore.ListAsync(connection, transaction, ct))
            {
                if (!subscription.Wants(completion.Type))
                    continue;
                count += await connection.Command("""
                    INSERT OR IGNORE INTO webhook_deliveries
                        (id, subscription_id, event_id, event_type, payload, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES ($id, $subscription, $event, $type, $payload, $pending, 0, $now, $now, $now)
                    """, transaction)
                    .With("$id", SqliteCommands.Key(Guid.NewGuid()))
                    .With("$subscription", SqliteCommands.Key(subscription.Id))
                    .With("$event", SqliteCommands.Key(completion.Id))
                    .With("$type", completion.Type)
                    .With("$payload", payload)
                    .With("$pending", WebhookDeliveryState.Pending)
                    .With("$now", now)
                    .ExecuteNonQueryAsync(ct);
            }
            return count;
        }, ct);
        if (queued > 0)
            signal.Wake();
        return queued;
    }

    public Task<IReadOnlyList<DueDelivery>> TakeDueAsync(int limit, IReadOnlyCollection<Guid> sending, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<DueDelivery>>(async connection =>
        {
            await using var reader = await connection.Command("""
                SELECT d.id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret, d.subscription_id
                FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                WHERE d.state = $pending AND d.next_attempt_at <= $now
                  AND d.id NOT IN (SELECT value FROM json_each($sending))
                ORDER BY d.next_attempt_at LIMIT $limit
                """)
                .With("$sending", System.Text.Json.JsonSerializer.Serialize(sending.Select(SqliteCommands.Key)))
                .With("$pending", WebhookDeliveryState.Pending)
                .With("$now", SqliteCommands.Timestamp(clock.GetUtcNow()))
                .With("$limit", limit)
                .ExecuteReaderAsync(ct);
            var due = new List<DueDelivery>();
            while (await reader.ReadAsync(ct))
                due.Add(new DueDelivery(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2),
                    reader.GetString(3), reader.GetInt32(4), new Uri(reader.GetString(5)), reader.GetString(6), Guid.Parse(reader.GetString(7))));
            return due;
        }, ct);

    public Task RecordAttemptAsync(DueDelivery delivery, int? statusCode, string? error, string state, DateTimeOffset retryAt,
        CancellationToken ct)
    {
        var now = SqliteCommands.Timestamp(clock.GetUtcNow());
        var attempt = delivery.Attempts + 1;
        return database.WriteAsync(async (connection, transaction) =>
        {
            // The subscription may have been deleted while the request was out: then there is nothing to record.
            var updated = await connection.Command("""
                UPDATE webhook_deliveries
                SET state = $state, attempts = $attempt, next_attempt_at = $next, last_status_code = $status,
                    last_error = $error, updated_at = $now
                WHERE id = $id AND attempts = $previous
                """, transaction)
                .With("$id", SqliteCommands.Key(delivery.Id))
                .With("$previous", delivery.Attempts)
                .With("$state", state)
                .With("$attempt", attempt)
                .With("$next", SqliteCommands.Timestamp(retryAt))
                .With("$status", statusCode)
                .With("$error", error)
                .With("$now", now)
                .ExecuteNonQueryAsync(ct);
            if (updated == 0)
                return;
            await connection.Command("""
                INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, error)
                VALUES ($id, $attempt, $now, $status, $error)
                """, transaction)
                .With("$id", SqliteCommands.Key(delivery.Id))
                .With("$attempt", attempt)
                .With("$now", now)
                .With("$status", statusCode)
                .With("$error", error)
                .ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int limit, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<WebhookDelivery>>(async connection =>
        {
            var attempts = await AttemptsAsync(connection, subscriptionId, ct);
            await using var reader = await connection.Command("""
                SELECT id, event_id, event_type, state, attempts, next_attempt_at, last_status_code, last_error, created_at, updated_at
                FROM webhook_deliveries WHERE subscription_id = $subscription
                ORDER BY created_at DESC LIMIT $limit
                """)
                .With("$subscription", SqliteCommands.Key(subscriptionId))
                .With("$limit", limit)
                .ExecuteReaderAsync(ct);
            var deliveries = new List<WebhookDelivery>();
            while (await reader.ReadAsync(ct))
            {
                var id = Guid.Parse(reader.GetString(0));
                deliveries.Add(new WebhookDelivery(id, subscriptionId, Guid.Parse(reader.GetString(1)), reader.GetString(2),
                    reader.GetString(3), reader.GetInt32(4), Time(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                    Time(reader.GetString(8)), Time(reader.GetString(9)), attempts.GetValueOrDefault(id) ?? []));
            }
            return deliveries;
        }, ct);

    static async Task<Dictionary<Guid, List<WebhookAttempt>>> AttemptsAsync(SqliteConnection connection, Guid subscriptionId,
        CancellationToken ct)
    {
        await using var reader = await connection.Command("""
            SELECT a.delivery_id, a.attempt, a.at, a.status_code, a.error
            FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
            WHERE d.subscription_id = $subscription ORDER BY a.delivery_id, a.attempt
            """)
            .With("$subscription", SqliteCommands.Key(subscriptionId))
            .ExecuteReaderAsync(ct);
        var attempts = new Dictionary<Guid, List<WebhookAttempt>>();
        while (await reader.ReadAsync(ct))
        {
            var id = Guid.Parse(reader.GetString(0));
            if (!attempts.TryGetValue(id, out var list))
                attempts[id] = list = [];
            list.Add(new WebhookAttempt(reader.GetInt32(1), Time(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return attempts;
    }

    static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
