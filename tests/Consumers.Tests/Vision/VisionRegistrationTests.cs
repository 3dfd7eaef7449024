using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class VisionRegistrationTests
{
    [ModelsFact]
    public void AddOnnxVision_serves_one_shared_detector_and_embedder_for_the_configured_models()
    {
        using var provider = new ServiceCollection()
            .AddOnnxVision(o => (o.DetectorModel, o.EmbedderModel, o.IntraOpThreads) = ("nanodet-m", "person-reid-0287", 1))
            .BuildServiceProvider();

        var detector = provider.GetRequiredService<IObjectDetector>();
        var embedder = provider.GetRequiredService<IAppearanceEmbedder>();

        Assert.Equal("nanodet-m", detector.Model);
        Assert.Equal("person-reid-0287", embedder.Model);
        Assert.Same(detector, provider.GetRequiredService<IObjectDetector>());
        Assert.Same(embedder, provider.GetRequiredService<IAppearanceEmbedder>());
    }

    [ModelsFact]
    public void AddOnnxVision_defaults_to_yolox_and_resnet18_and_re_id_stays_selectable()
    {
        using var provider = new ServiceCollection().AddOnnxVision().BuildServiceProvider();
        using var reId = new ServiceCollection().AddOnnxVision(o => o.EmbedderModel = "person-reid-0288").BuildServiceProvider();

        Assert.Equal("yolox-nano", provider.GetRequiredService<IObjectDetector>().Model);
        Assert.Equal(512, provider.GetRequiredService<IAppearanceEmbedder>().Dimensions);
        Assert.Equal("resnet18", provider.GetRequiredService<IAppearanceEmbedder>().Model);
        Assert.Equal(256, reId.GetRequiredService<IAppearanceEmbedder>().Dimensions);
    }

    [ModelsFact]
    public void Vision_counts_as_installed_when_setup_installed_the_models()
    {
        Assert.True(VisionRegistration.ModelsInstalled(ToolsFolder.Find()!, new VisionOptions()));
        Assert.True(VisionRegistration.ModelsInstalled(ToolsFolder.Find()!, new VisionOptions { DetectorModel = "nanodet-m", EmbedderModel = "person-reid-0287" }));
    }

    [Fact]
    public void Vision_counts_as_not_installed_without_the_model_files()
    {
        var empty = Directory.CreateTempSubdirectory();
        try
        {
            Directory.CreateDirectory(Path.Combine(empty.FullName, "models"));
            Assert.False(VisionRegistration.ModelsInstalled(new ToolsFolder(empty.FullName), new VisionOptions()));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unknown_model_name_fails_naming_the_known_ones()
    {
        var catalog = new ShoppableVideo.Consumers.Vision.Models.ModelCatalog(Path.Combine(AppContext.BaseDirectory, "models"), "/nowhere");
        var error = Assert.Throws<FileNotFoundException>(() => catalog.Manifest("no-such-model"));
        Assert.Contains("yolox-nano", error.Message);
    }

    [Fact]
    public void A_model_file_that_is_not_installed_fails_naming_setup()
    {
        var catalog = new ShoppableVideo.Consumers.Vision.Models.ModelCatalog(Path.Combine(AppContext.BaseDirectory, "models"), "/nowhere");
        var error = Assert.Throws<FileNotFoundException>(() => catalog.ModelFile(catalog.Manifest("yolox-nano")));
        Assert.Contains("scripts/setup.sh", error.Message);
    }
}
