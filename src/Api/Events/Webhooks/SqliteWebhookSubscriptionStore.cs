using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The <c>webhook_subscriptions</c> table.</summary>
public sealed class SqliteWebhookSubscriptionStore(SqliteDatabase database, TimeProvider clock) : IWebhookSubscriptionStore
{
    public async Task<WebhookSubscription> AddAsync(Uri url, IReadOnlyList<string> events, string secret, CancellationToken ct)
    {
        var subscription = new WebhookSubscription(Guid.NewGuid(), url, events, secret, clock.GetUtcNow());
        await database.WriteAsync(async (connection, transaction) =>
            await connection.Command("""
                INSERT INTO webhook_subscriptions (id, url, events, secret, created_at)
                VALUES ($id, $url, $events, $secret, $created)
                """, transaction)
                .With("$id", SqliteCommands.Key(subscription.Id))
                .With("$url", url.AbsoluteUri)
                .With("$events", JsonSerializer.Serialize(events))
                .With("$secret", secret)
                .With("$created", SqliteCommands.Timestamp(subscription.CreatedAt))
                .ExecuteNonQueryAsync(ct), ct);
        return subscription;
    }

    public Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct) =>
        database.ReadAsync(connection => ListAsync(connection, null, ct), ct);

    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);

    /// <summary>Its deliveries go by cascade.</summary>
    public Task<bool> RemoveAsync(Guid id, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.Command("DELETE FROM webhook_subscriptions WHERE id = $id", transaction)
                .With("$id", SqliteCommands.Key(id)).ExecuteNonQueryAsync(ct) > 0, ct);

    /// <summary>Also used inside the outbox's write transaction, so the list and the inserts agree.</summary>
    internal static async Task<IReadOnlyList<WebhookSubscription>> ListAsync(SqliteConnection connection,
        SqliteTransaction? transaction, CancellationToken ct)
    {
        await using var reader = await connection.Command(
            "SELECT id, url, events, secret, created_at FROM webhook_subscriptions ORDER BY created_at", transaction)
            .ExecuteReaderAsync(ct);
        var subscriptions = new List<WebhookSubscription>();
        while (await reader.ReadAsync(ct))
            subscriptions.Add(new WebhookSubscription(
                Guid.Parse(reader.GetString(0)),
                new Uri(reader.GetString(1)),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
                reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
        return subscriptions;
    }
}
