using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Embedding;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>Counters around the embedded host's real vision: the ONNX embedder the profile registered
/// (setup installed the models) and the real sqlite-vec index, so a test can prove what was (not) redone.</summary>
public sealed class TestVision
{
    public CountingEmbedder? Embedder { get; private set; }

    public CountingProductIndex? Index { get; private set; }

    public void Register(IServiceCollection services)
    {
        var embedder = services.LastOrDefault(d => d.ServiceType == typeof(IAppearanceEmbedder)) ?? throw new InvalidOperationException(
            "no appearance embedder is registered: run scripts/setup.sh to install the ONNX models");
        services.Replace(ServiceDescriptor.Singleton<IAppearanceEmbedder>(provider =>
            Embedder = new CountingEmbedder((IAppearanceEmbedder)embedder.ImplementationFactory!(provider))));
        services.Replace(ServiceDescriptor.Singleton<IProductIndex>(provider =>
            Index = new CountingProductIndex(ActivatorUtilities.CreateInstance<SqliteProductIndex>(provider))));
    }
}
