using MassTransit;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Where a profile keeps saga state (SQLite in the embedded profile, DynamoDB in the aws one).
/// A generic method rather than a delegate, because every saga has its own state type.</summary>
public interface ISagaRepositoryChoice
{
    void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> saga) where TSaga : class, ISagaVersion;
}
