using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.Matching;

public static class ProductIndexRegistration
{
    /// <summary>The product index on OpenSearch k-NN, shared by every process of a deployment. Needs the
    /// signed AWS client (its "es" service); the matching options come from the processing core.</summary>
    public static IServiceCollection AddOpenSearchProductIndex(this IServiceCollection services, OpenSearchIndexOptions options)
    {
        services.AddSingleton(provider => new OpenSearchProductIndex(
            provider.GetRequiredService<IAwsHttpClient>(),
            provider.GetRequiredService<AwsClientOptions>().Service("es"),
            options,
            provider.GetRequiredService<MatchingOptions>()));
        services.AddSingleton<IProductIndex>(provider => provider.GetRequiredService<OpenSearchProductIndex>());
        // A re-index builds the next version beside the serving one (the embedded profile registers none).
        services.AddSingleton<IProductIndexRebuild>(provider => provider.GetRequiredService<OpenSearchProductIndex>());
        return services;
    }

    /// <summary>
    /// The sqlite-vec product index in the shared SQLite file. vec0 is loaded into every connection now,
    /// before the database can open, so a missing library fails start-up with a message that says what to
    /// run rather than the first search failing with "no such module: vec0".
    /// </summary>
    /// <param name="vecLibraryPath">vec0.so; by default the one scripts/setup.sh put under .tools.</param>
    public static IServiceCollection AddSqliteProductIndex(this IServiceCollection services,
        Action<MatchingOptions>? configure = null, string? vecLibraryPath = null)
    {
        var library = vecLibraryPath ?? ToolsFolder.Require().SqliteVecLibrary;
        if (!File.Exists(library))
            throw new InvalidOperationException(
                $"sqlite-vec (vec0.so) is not installed at '{library}': run scripts/setup.sh, or set {ToolsFolder.EnvironmentVariable}");
        SqliteExtensions.LoadForEveryConnection(library, "sqlite3_vec_init");

        var options = new MatchingOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.AddSqliteSchema(SqliteProductIndex.Schema);
        services.TryAddSingleton<IProductIndex, SqliteProductIndex>();
        return services;
    }
}
