using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>The product index adapter over real HTTP against the OpenSearch stand-in: what the end-to-end
/// tests rely on it answering.</summary>
public sealed class OpenSearchStandInTests : IAsyncLifetime
{
    OpenSearchStandIn server = null!;
    OpenSearchProductIndex index = null!;

    public async Task InitializeAsync()
    {
        server = await OpenSearchStandIn.StartAsync();
        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("test", "test"), BackoffBase = TimeSpan.FromMilliseconds(10) };
        options.Endpoints["es"] = server.Endpoint;
        var client = new SignedAwsHttpClient(new HttpClient(), options, NullLogger<SignedAwsHttpClient>.Instance);
        index = new OpenSearchProductIndex(client, options.Service("es"), new OpenSearchIndexOptions { PageSize = 2 }, new MatchingOptions());
    }

    static float[] Unit(int axis)
    {
        var vector = new float[OpenSearchProductIndex.AppearanceDimensions];
        vector[axis] = 1;
        return vector;
    }

    static ItemDescriptor Descriptor(int axis) => new(Unit(axis), Colour());

    static float[] Colour()
    {
        var colour = new float[ColourDescriptor.Bins];
        colour[0] = 1;
        return colour;
    }

    [Fact]
    public async Task Products_are_upserted_searched_by_kind_and_shared_between_manifests_until_the_last_releases_them()
    {
        await index.UpsertAsync(new IndexedProductImage("tee", "a.csv", "h-tee", ItemKind.Upper, Descriptor(1)), default);
        await index.UpsertAsync(new IndexedProductImage("hoodie", "a.csv", "h-hoodie", ItemKind.Upper, Descriptor(2)), default);
        await index.UpsertAsync(new IndexedProductImage("pants", "a.csv", "h-pants", ItemKind.Lower, Descriptor(1)), default);

        var hits = await index.SearchAsync(ItemKind.Upper, Descriptor(2), 2, default);
        Assert.Equal(["hoodie", "tee"], hits.Select(h => h.ProductId));
        Assert.Equal("h-tee", await index.FindContentHashAsync("tee", default));
        Assert.Equal(Unit(1), (await index.FindDescriptorOfPhotoAsync("h-pants", ItemKind.Lower, default))!.Views[0].Appearance);

        Assert.True(await index.ClaimAsync("tee", "b.csv", default));
        Assert.Equal(["a.csv", "b.csv"], await index.ListSourcesAsync(default));
        Assert.Equal(["hoodie", "pants", "tee"], await index.ListFromSourceAsync("a.csv", default));
        Assert.False(await index.ReleaseAsync("tee", "a.csv", default));
        Assert.True(await index.ReleaseAsync("tee", "b.csv", default));
        Assert.Null(await index.FindContentHashAsync("tee", default));
        Assert.Equal(2, server.Documents("products").Count);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}
