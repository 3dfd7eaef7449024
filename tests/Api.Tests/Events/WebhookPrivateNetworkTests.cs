using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Tests.Support;

namespace ShoppableVideo.Api.Tests.Events;

public class WebhookPrivateNetworkTests
{
    [Fact]
    public async Task A_loopback_receiver_is_refused_when_private_networks_are_not_allowed()
    {
        await using var factory = new ApiFactory();
        await using var receiver = await WebhookReceiver.StartAsync();

        var response = await factory.CreateClient(ApiFactory.WriteKey).PostAsJsonAsync("/webhooks", new { url = receiver.Url });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not a public address", problem.GetProperty("detail").GetString());
        Assert.Equal(0, receiver.DeliveryRequests);
    }
}
