using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Tests.Support;

namespace ShoppableVideo.Api.Tests.Events;

public class WebhookPrivateNetworkTests
{
    [Fact]
    public async Task A_loopback_receiver_is_refused_when_private_networks_are_not_allowed_without_saying_what_its_name_resolves_to()
    {
        await using var factory = new ApiFactory();
        await using var receiver = await WebhookReceiver.StartAsync();
        // By name, so the reason could give away the address the name resolves to.
        var byName = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;

        var response = await factory.CreateClient(ApiFactory.WriteKey).PostAsJsonAsync("/webhooks", new { url = byName });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("'localhost' refused", detail);
        Assert.DoesNotContain("127.0.0.1", detail);
        Assert.DoesNotContain("::1", detail);
        Assert.Equal(0, receiver.DeliveryRequests);
    }
}
