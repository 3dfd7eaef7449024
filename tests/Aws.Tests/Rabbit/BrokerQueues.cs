using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ShoppableVideo.Aws.Tests.LocalServers;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>Looks into the broker's queues directly (a passive declare), as an operator would.</summary>
public static class BrokerQueues
{
    /// <summary>The messages waiting in a queue, or null where the queue does not exist.</summary>
    public static async Task<uint?> MessageCountAsync(RabbitMqServer server, string queue)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = server.AmqpPort, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }
}
