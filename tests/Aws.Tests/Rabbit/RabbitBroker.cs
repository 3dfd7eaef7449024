using ShoppableVideo.Aws.Tests.LocalServers;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>One real broker per test class: starting RabbitMQ takes seconds, and each test keeps to its
/// own queues (see <see cref="RabbitVideoBus"/>), so they can share it.</summary>
public sealed class RabbitBroker : IAsyncLifetime
{
    RabbitMqServer? server;

    public RabbitMqServer Server => server ?? throw new InvalidOperationException("the broker has not started");

    public async Task InitializeAsync() => server = await RabbitMqServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
