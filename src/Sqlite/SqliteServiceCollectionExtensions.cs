using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="SqliteDatabase"/> for <paramref name="path"/> with every registered
    /// <see cref="SqliteSchemaPart"/>; the container disposes it on shutdown. Two databases on one file
    /// would mean two writers, so register it once.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string path)
    {
        services.TryAddSingleton(provider => new SqliteDatabase(path, provider.GetServices<SqliteSchemaPart>()));
        return services;
    }

    /// <summary>Adds tables to the shared file; idempotent per owner.</summary>
    public static IServiceCollection AddSqliteSchema(this IServiceCollection services, SqliteSchemaPart part)
    {
        // Instances are indistinguishable to TryAddEnumerable, so dedupe by value: two saga types add the
        // same saga table part.
        if (!services.Any(d => d.ServiceType == typeof(SqliteSchemaPart) && Equals(d.ImplementationInstance, part)))
            services.AddSingleton(part);
        return services;
    }
}
