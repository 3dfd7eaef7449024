using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ShoppableVideo.Api.Tests.Cli;

public class WebApplicationFactoryTests
{
    [Fact]
    public async Task The_host_starts_under_WebApplicationFactory_through_the_command_line_entry_point()
    {
        var data = CliRun.NewFolder();
        // WebApplicationFactory hands its settings to the entry point as --key=value arguments, so this
        // one reaches serve's own --data option.
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseSetting("data", data)))
        {
            using var client = factory.CreateClient();

            var health = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.True(Directory.Exists(Path.Combine(data, "buckets", "videos")));
        }
        Directory.Delete(data, recursive: true);
    }
}
