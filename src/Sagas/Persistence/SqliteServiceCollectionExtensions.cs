using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Sagas.Artifacts;

namespace ShoppableVideo.Sagas.Persistence;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="SqliteDatabase"/> for <paramref name="path"/>; the container disposes it
    /// on shutdown. Two databases on one file would mean two writers, so register it once.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string path)
    {
        services.TryAddSingleton(_ => new SqliteDatabase(path));
        return services;
    }

    /// <summary>Registers the artifact index over the registered <see cref="SqliteDatabase"/>.</summary>
    public static IServiceCollection AddSqliteArtifactIndex(this IServiceCollection services)
    {
        services.TryAddSingleton<IArtifactIndex, SqliteArtifactIndex>();
        return services;
    }
}
