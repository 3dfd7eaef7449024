using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using ShoppableVideo.Api.Hosting;
using Secret = Amazon.CDK.AWS.ECS.Secret;

namespace ShoppableVideo.Infra;

/// <summary>
/// The configuration the containers start with: the aws profile's keys (ShoppableVideo:Aws, read by
/// AwsSettings; ShoppableVideo:RabbitMq, read by RabbitMqBusOptions) as environment variables, ':' written
/// '__' as .NET configuration expects. The broker credentials come from Secrets Manager at task start.
/// </summary>
public static class ContainerEnvironment
{
    const string ProfileKey = "ShoppableVideo__Profile";
    const string RabbitMqSection = "ShoppableVideo__RabbitMq";

    /// <summary>The port the containers listen on; the load balancer's target group points at it.</summary>
    public const int HttpPort = 8080;

    /// <summary>How long finished sagas stay readable in the status API before DynamoDB's TTL removes them.</summary>
    public static readonly TimeSpan FinishedSagaTimeToLive = TimeSpan.FromDays(30);

    public static string AwsKey(string setting) => AwsSettings.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + setting;

    public static Dictionary<string, string> Variables(Storage storage, Tables tables, Messaging messaging, Broker broker, MediaRoles mediaRoles)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProfileKey] = "aws",
            ["ASPNETCORE_HTTP_PORTS"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AwsKey(nameof(AwsSettings.Region))] = Aws.REGION,
            [AwsKey(nameof(AwsSettings.IntakeQueueUrl))] = storage.Intake.QueueUrl,
            [AwsKey(nameof(AwsSettings.CompletionTopicArn))] = messaging.Completion.TopicArn,
            [AwsKey(nameof(AwsSettings.SagaTable))] = tables.Sagas.TableName,
            [AwsKey(nameof(AwsSettings.ArtifactTable))] = tables.Artifacts.TableName,
            [AwsKey(nameof(AwsSettings.ReviewTable))] = tables.Reviews.TableName,
            [AwsKey(nameof(AwsSettings.WebhookTable))] = tables.Webhooks.TableName,
            [AwsKey(nameof(AwsSettings.MirrorTable))] = tables.MirrorTasks.TableName,
            [AwsKey(nameof(AwsSettings.EventTable))] = tables.Events.TableName,
            // The stack owns the tables; the tasks hold no CreateTable or UpdateTimeToLive permission.
            [AwsKey(nameof(AwsSettings.CreateTablesIfMissing))] = "false",
            [AwsKey(nameof(AwsSettings.FinishedSagaTimeToLive))] = FinishedSagaTimeToLive.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            [$"{RabbitMqSection}__Host"] = broker.AmqpsEndpoint,
            // Frames stay ffmpeg's by default; with the role at hand, Steps__FrameExtraction=mediaconvert is all a
            // deployment sets to move them to MediaConvert.
            [AwsKey(nameof(AwsSettings.Steps)) + "__" + nameof(AwsMediaSteps.MediaConvertRoleArn)] = mediaRoles.MediaConvert.RoleArn,
        };
        foreach (var (logical, bucket) in storage.Buckets)
            variables[AwsKey(nameof(AwsSettings.Buckets)) + "__" + logical] = bucket.BucketName;
        return variables;
    }

    public static Dictionary<string, Secret> Secrets(Broker broker) => new(StringComparer.Ordinal)
    {
        [$"{RabbitMqSection}__Username"] = Secret.FromSecretsManager(broker.Credentials, Broker.UsernameField),
        [$"{RabbitMqSection}__Password"] = Secret.FromSecretsManager(broker.Credentials, Broker.PasswordField),
    };
}
