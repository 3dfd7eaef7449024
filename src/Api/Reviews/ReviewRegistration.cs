using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Reviews;

public static class ReviewRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSqliteSchema(SqliteReviewStore.Schema);
        services.AddSingleton<IReviewStore, SqliteReviewStore>();
        services.AddSingleton<ShoppableDocumentReader>();
        return services;
    }
}
