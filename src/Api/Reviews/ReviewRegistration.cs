using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Reviews;

public static class ReviewRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSqliteSchema(SqliteReviewStore.Schema);
        // A profile with a shared store (aws: DynamoDB) registers it first; SQLite is the embedded one.
        services.TryAddSingleton<IReviewStore, SqliteReviewStore>();
        services.AddSingleton<ShoppableDocumentReader>();
        return services;
    }
}
