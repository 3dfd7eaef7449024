using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Sagas.Persistence;

public static class SqliteArtifactIndexRegistration
{
    /// <summary>Registers the artifact index over the registered <see cref="SqliteDatabase"/>.</summary>
    public static IServiceCollection AddSqliteArtifactIndex(this IServiceCollection services)
    {
        services.AddSqliteSchema(SqliteSchema.Artifacts);
        services.TryAddSingleton<IArtifactIndex, SqliteArtifactIndex>();
        return services;
    }
}
