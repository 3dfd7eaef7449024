using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed partial class StateMachineTests(SynthesizedStack synthesized)
{
    [Fact]
    public void There_is_one_state_machine_per_definition_file()
    {
        var files = Directory.GetFiles(synthesized.StateMachineFolder, "*.asl.json")
            .Select(f => Path.GetFileName(f)[..^".asl.json".Length]).Order().ToList();
        Assert.Equal(["catalog-ingestion", "product-image", "video-processing"], files);
        synthesized.Template.ResourceCountIs("AWS::StepFunctions::StateMachine", files.Count);
        Assert.Equal(files, synthesized.Stack.StateMachines.ByName.Keys.Order());
    }

    [Fact]
    public void Each_definition_after_substitution_equals_its_file_with_the_mirror_queue_filled_in()
    {
        var mirror = Ref(synthesized.LogicalId(synthesized.Stack.Messaging.Mirror));
        foreach (var (name, machine) in synthesized.Stack.StateMachines.ByName)
        {
            var properties = synthesized.Json["Resources"]![synthesized.LogicalId(machine)]!["Properties"]!;
            var substitutions = properties["DefinitionSubstitutions"]!.AsObject();
            Assert.True(Same(substitutions["MirrorQueueUrl"], mirror), $"{name}: MirrorQueueUrl is not the mirror queue's URL");

            var file = File.ReadAllText(Path.Combine(synthesized.StateMachineFolder, name + ".asl.json"));
            var deployed = (string)properties["DefinitionString"]!;
            Assert.True(Same(JsonNode.Parse(file), JsonNode.Parse(deployed)), $"{name}: the definition differs from its file");

            // What Step Functions receives once CloudFormation substitutes: every placeholder resolved, and
            // to the mirror queue wherever the file asked for it.
            var resolved = Substitute(deployed, name => substitutions[name]?.ToJsonString()
                ?? throw new Xunit.Sdk.XunitException($"${{{name}}} has no substitution"));
            var expected = Substitute(file, name => name == "MirrorQueueUrl" ? mirror.ToJsonString() : $"unexpected {name}");
            Assert.True(Same(JsonNode.Parse(expected), JsonNode.Parse(resolved)), $"{name}: the substituted definition differs");
            Assert.DoesNotContain("${", resolved, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_state_machines_may_only_send_to_the_mirror_queue()
    {
        var mirror = synthesized.LogicalId(synthesized.Stack.Messaging.Mirror);
        var role = synthesized.LogicalId(synthesized.Stack.StateMachines.Role);
        foreach (var machine in synthesized.Stack.StateMachines.ByName.Values)
            Assert.True(Same(synthesized.Json["Resources"]![synthesized.LogicalId(machine)]!["Properties"]!["RoleArn"], GetAtt(role, "Arn")));

        var statements = synthesized.Resources("AWS::IAM::Policy")
            .Where(policy => Many(policy.Properties["Roles"]).Any(r => Same(r, Ref(role))))
            .SelectMany(policy => Statements(policy.Properties["PolicyDocument"])).ToList();
        var nonKms = statements.Where(s => !Strings(s["Action"]).All(a => a.StartsWith("kms:", StringComparison.Ordinal))).ToList();
        var send = Assert.Single(nonKms);
        Assert.Equal(["sqs:SendMessage"], Strings(send["Action"]));
        Assert.True(Same(send["Resource"], GetAtt(mirror, "Arn")));
    }

    /// <summary>CloudFormation's rule: ${Name} becomes the value; here the value's JSON, quoted, stands in
    /// for the URL it resolves to at deploy time.</summary>
    static string Substitute(string definition, Func<string, string> value) =>
        Placeholder().Replace(definition, match => JsonValue.Create("resolved:" + value(match.Groups[1].Value)).ToJsonString()[1..^1]);

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
