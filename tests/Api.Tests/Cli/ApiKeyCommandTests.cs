using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ShoppableVideo.Api.Tests.Support;

namespace ShoppableVideo.Api.Tests.Cli;

public class ApiKeyCommandTests
{
    [Theory]
    [InlineData(false, HttpStatusCode.BadRequest)] // past the key check, refused for the bad URL
    [InlineData(true, HttpStatusCode.Forbidden)]
    public async Task The_printed_settings_make_a_server_accept_the_printed_key_with_its_scopes(bool readOnly, HttpStatusCode expected)
    {
        var result = await CliRun.RunAsync(["api-key", "--name", "ci", "--index", "2", .. readOnly ? new[] { "--read-only" } : []]);

        Assert.Equal(0, result.ExitCode);
        var key = Regex.Match(result.Output, @"header\): (sv_[A-Za-z0-9_-]{43})").Groups[1].Value;
        var settings = Regex.Matches(result.Output, @"export (\S+)=(\S+)")
            .ToDictionary(m => m.Groups[1].Value.Replace("__", ":"), m => (string?)m.Groups[2].Value);
        Assert.DoesNotContain(settings.Values, value => value == key);

        await using var factory = new ApiFactory(settings: settings);
        var response = await factory.CreateClient(key).PostAsJsonAsync("/webhooks", new { url = "ftp://example.com/hook" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Each_key_is_new()
    {
        var first = await CliRun.RunAsync("api-key");
        var second = await CliRun.RunAsync("api-key");

        Assert.NotEqual(first.Output, second.Output);
    }
}
