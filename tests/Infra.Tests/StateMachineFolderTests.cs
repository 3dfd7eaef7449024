using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;

namespace ShoppableVideo.Infra.Tests;

/// <summary>What the stack refuses at synthesis rather than at deployment. A small stack of its own each
/// (no full synthesis); in the shared collection because jsii serves one caller at a time.</summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class StateMachineFolderTests : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("shoppable-asl-");

    public StateMachineFolderTests() => NodeRuntime.Prepare();

    [Fact]
    public void A_folder_without_definitions_fails_synthesis_naming_the_folder()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Build(_folder.FullName));
        Assert.Contains(_folder.FullName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_the_stack_does_not_fill_fails_synthesis_naming_it()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "video-processing.asl.json"),
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${ArtifactBucket}","End":true}}}""");
        var error = Assert.Throws<InvalidDataException>(() => Build(_folder.FullName));
        Assert.Contains("ArtifactBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_that_is_not_json_fails_synthesis_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "catalog-ingestion.asl.json"), "{\"StartAt\": ");
        var error = Assert.Throws<InvalidDataException>(() => Build(_folder.FullName));
        Assert.Contains("catalog-ingestion.asl.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_folder_is_the_repositorys_infra_statemachines()
    {
        Assert.Equal(Path.Combine(RepositoryFolders.Root(), "infra", "statemachines"), RepositoryFolders.StateMachines());
        Assert.True(File.Exists(Path.Combine(RepositoryFolders.Root(), "ShoppableVideo.sln")));
    }

    static void Build(string folder)
    {
        var stack = new Stack(new App(), "Test");
        var key = new Key(stack, "Key");
        var mirror = new Queue(stack, "Mirror");
        _ = new StateMachines(stack, "StateMachines", folder, mirror, key);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
