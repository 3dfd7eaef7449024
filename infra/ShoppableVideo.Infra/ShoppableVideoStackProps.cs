using Amazon.CDK;

namespace ShoppableVideo.Infra;

public sealed class ShoppableVideoStackProps : StackProps
{
    /// <summary>The folder of the generated Amazon States Language files (<c>*.asl.json</c>); null finds the
    /// repository's <c>infra/statemachines</c>. Tests point it at their own documents.</summary>
    public string? StateMachineFolder { get; init; }
}
