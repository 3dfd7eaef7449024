using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Hosting;

namespace ShoppableVideo.Api.Tests.Uploads;

public static class UploadAssertions
{
    /// <summary>The response is a problem document with this status; returns its detail.</summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "every problem says why in its detail");
        return problem;
    }

    /// <summary>No file in the bucket and nothing left behind in the staging folder.</summary>
    public static void AssertNothingStored(DataDirectory data, string bucket)
    {
        Assert.Empty(Directory.GetFiles(Path.Combine(data.BucketsRoot, bucket), "*", SearchOption.AllDirectories));
        var staging = Path.Combine(data.Root, "uploads-staging");
        if (Directory.Exists(staging))
            Assert.Empty(Directory.GetFiles(staging));
    }
}
