using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Health;

/// <summary>Ready when the saga database answers a query.</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                return await command.ExecuteScalarAsync(cancellationToken);
            }, cancellationToken);
            return HealthCheckResult.Healthy(database.Path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Path}: {e.Message}");
        }
    }
}
