using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace ShoppableVideo.Infra.Tests;

/// <summary>
/// The stack synthesized once for every test class (synthesis starts Node and takes seconds), offline:
/// environment-agnostic, so no account, credentials, lookups or Docker. Tests read the template both
/// through Amazon.CDK.Assertions and as the JSON CloudFormation receives.
/// </summary>
public sealed class SynthesizedStack : IDisposable
{
    readonly DirectoryInfo _folder;

    public ShoppableVideoStack Stack { get; }

    public Template Template { get; }

    /// <summary>The synthesized template file, parsed.</summary>
    public JsonObject Json { get; }

    public string StateMachineFolder { get; }

    public SynthesizedStack()
    {
        NodeRuntime.Prepare();
        _folder = Directory.CreateTempSubdirectory("shoppable-cdk-");
        // The definitions the ASL generator committed: what deploys is what the sagas generated.
        StateMachineFolder = RepositoryFolders.StateMachines();

        var app = new App(new AppProps { Outdir = Path.Combine(_folder.FullName, "cdk.out") });
        Stack = new ShoppableVideoStack(app, "ShoppableVideoTest", new ShoppableVideoStackProps { StateMachineFolder = StateMachineFolder });
        var assembly = app.Synth();
        Json = JsonNode.Parse(File.ReadAllText(assembly.GetStackArtifact(Stack.ArtifactId).TemplateFullPath))!.AsObject();
        Template = Template.FromStack(Stack);
    }

    public IEnumerable<(string LogicalId, JsonObject Properties)> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(resource => (string?)resource.Value!["Type"] == type)
            .Select(resource => (resource.Key, resource.Value!["Properties"]?.AsObject() ?? new JsonObject()));

    public string LogicalId(Constructs.IConstruct construct) =>
        Stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    public void Dispose() => _folder.Delete(recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SynthesizedStackCollection : ICollectionFixture<SynthesizedStack>
{
    public const string Name = "synthesized stack";
}
