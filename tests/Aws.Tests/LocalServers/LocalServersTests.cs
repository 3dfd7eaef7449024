using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>Each local server starts on loopback, answers its protocol, and is gone after disposal.</summary>
public class LocalServersTests
{
    [Fact]
    public async Task Fauxqs_answers_an_sqs_request_on_loopback_only()
    {
        await using var fauxqs = await FauxqsServer.StartAsync();

        Assert.Equal("127.0.0.1", fauxqs.Endpoint.Host);
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, fauxqs.Endpoint)
        {
            Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/x-amz-json-1.0")),
        };
        request.Headers.Add("X-Amz-Target", "AmazonSQS.ListQueues");
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dynalite_answers_a_dynamodb_request()
    {
        await using var dynalite = await DynaliteServer.StartAsync();

        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, dynalite.Endpoint)
        {
            Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/x-amz-json-1.0")),
        };
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");
        var response = await http.SendAsync(request);
        // Unsigned, so refused, but in DynamoDB's own words: the signed clients are tested elsewhere.
        Assert.Contains("com.amazon.coral.service#MissingAuthenticationTokenException", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RabbitMq_accepts_connections_and_comes_back_after_a_restart()
    {
        await using var rabbit = await RabbitMqServer.StartAsync();
        await AssertAmqpAnswersAsync(rabbit.AmqpPort);

        await rabbit.StopBrokerAsync();
        await Assert.ThrowsAnyAsync<SocketException>(() => new TcpClient().ConnectAsync("127.0.0.1", rabbit.AmqpPort));
        await rabbit.StartBrokerAsync();

        await AssertAmqpAnswersAsync(rabbit.AmqpPort);
    }

    /// <summary>An AMQP 0-9-1 server answers the protocol header with Connection.Start (a method frame).</summary>
    static async Task AssertAmqpAnswersAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\x09\x01"u8.ToArray());
        var frame = new byte[7];
        await stream.ReadExactlyAsync(frame);
        Assert.Equal(1, frame[0]);
    }
}
