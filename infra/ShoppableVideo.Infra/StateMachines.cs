using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// One Step Functions state machine per generated Amazon States Language file (<c>*.asl.json</c>, written by
/// the sagas' ASL generator). Their task states hand a task token to the mirror queue
/// (sqs:sendMessage.waitForTaskToken) and wait; so the machines' role may send to that queue and nothing else.
/// The definitions are deployed as the files are: <c>${MirrorQueueUrl}</c> is filled in by CloudFormation.
/// </summary>
public sealed partial class StateMachines : Construct
{
    public const string FilePattern = "*.asl.json";
    public const string MirrorQueueUrl = "MirrorQueueUrl";

    public Role Role { get; }

    /// <summary>File name (without .asl.json) to its state machine.</summary>
    public IReadOnlyDictionary<string, StateMachine> ByName { get; }

    public StateMachines(Construct scope, string id, string folder, IQueue mirror, IKey key) : base(scope, id)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, FilePattern).Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
            throw new FileNotFoundException($"No {FilePattern} in '{folder}': generate the state machine definitions first.");

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
            Description = "ShoppableVideo state machines: send task tokens to the mirror queue",
        });
        mirror.Grant(Role, "sqs:SendMessage");
        // The mirror queue is encrypted: sending needs a data key under the queue's key.
        key.Grant(Role, "kms:GenerateDataKey", "kms:Decrypt");

        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal) { [MirrorQueueUrl] = mirror.QueueUrl };
        ByName = files.ToDictionary(NameOf, file => Create(file, substitutions), StringComparer.Ordinal);
    }

    StateMachine Create(string file, Dictionary<string, string> substitutions)
    {
        var definition = File.ReadAllText(file);
        Validate(file, definition, substitutions);
        return new StateMachine(this, ConstructId(NameOf(file)), new StateMachineProps
        {
            DefinitionBody = DefinitionBody.FromString(definition),
            DefinitionSubstitutions = substitutions,
            StateMachineType = StateMachineType.STANDARD,
            Role = Role,
        });
    }

    /// <summary>Fails synthesis, naming the file, on what would otherwise fail the deployment: a file that is
    /// not JSON, or a <c>${…}</c> placeholder this stack does not fill in.</summary>
    static void Validate(string file, string definition, Dictionary<string, string> substitutions)
    {
        try
        {
            using var _ = JsonDocument.Parse(definition);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{file} is not JSON: {exception.Message}", exception);
        }

        var unknown = Placeholder().Matches(definition).Select(match => match.Groups[1].Value)
            .Where(name => !substitutions.ContainsKey(name)).Distinct().ToArray();
        if (unknown.Length > 0)
            throw new InvalidDataException($"{file} uses placeholders the stack does not substitute: {string.Join(", ", unknown)}");
    }

    static string NameOf(string file) => Path.GetFileName(file)[..^".asl.json".Length];

    /// <summary>"video-processing" becomes "VideoProcessing".</summary>
    static string ConstructId(string name) =>
        string.Concat(name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
