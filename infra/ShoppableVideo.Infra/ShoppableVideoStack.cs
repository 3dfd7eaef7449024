using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Constructs;
using LogicalBuckets = ShoppableVideo.Consumers.Storage.Buckets;

namespace ShoppableVideo.Infra;

/// <summary>
/// The aws profile on AWS: buckets with object events through SNS to the intake queue, DynamoDB tables,
/// the completion topic, Amazon MQ for RabbitMQ, the OpenSearch product index, the API and workers on ECS
/// Fargate, the media services' roles and the Step Functions view of the sagas. Every grant below names the
/// resource and the access; nothing is granted on "*" but the job APIs that have no resources to name.
/// </summary>
public sealed class ShoppableVideoStack : Stack
{
    public Storage Storage { get; }

    public Tables Tables { get; }

    public Messaging Messaging { get; }

    public Network Network { get; }

    public Search Search { get; }

    public Broker Broker { get; }

    public MediaRoles MediaRoles { get; }

    public Compute Compute { get; }

    public StateMachines StateMachines { get; }

    public ShoppableVideoStack(Construct scope, string id, ShoppableVideoStackProps? props = null) : base(scope, id, props)
    {
        // Parameters rather than an image built here: synthesis must not need Docker or the network.
        var imageRepository = new CfnParameter(this, "ImageRepository", new CfnParameterProps
        {
            Type = "String",
            Default = "shoppable-video",
            Description = "ECR repository (in this account and region) holding the application image",
        });
        var imageTag = new CfnParameter(this, "ImageTag", new CfnParameterProps
        {
            Type = "String",
            Default = "latest",
            Description = "Tag of the application image to run",
        });
        var certificateArn = new CfnParameter(this, "ApiCertificateArn", new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "arn:aws[a-z-]*:acm:.+",
            Description = "ACM certificate for the API's HTTPS listener",
        });

        Storage = new Storage(this, "Storage");
        Tables = new Tables(this, "Tables", Storage.Key);
        Messaging = new Messaging(this, "Messaging", Storage.Key);
        Network = new Network(this, "Network");
        Search = new Search(this, "Search", Network, Storage.Key);
        Broker = new Broker(this, "Broker", Network, Storage.Key);
        MediaRoles = new MediaRoles(this, "MediaRoles", Storage.Buckets[LogicalBuckets.Videos], Storage.Buckets[LogicalBuckets.Output]);

        var repository = Repository.FromRepositoryName(this, "ImageRepositoryRef", imageRepository.ValueAsString);
        Compute = new Compute(this, "Compute", Network, new ComputeOptions
        {
            Image = ContainerImage.FromEcrRepository(repository, imageTag.ValueAsString),
            CertificateArn = certificateArn.ValueAsString,
            Environment = ContainerEnvironment.Variables(Storage, Tables, Messaging, Broker, MediaRoles),
            Secrets = ContainerEnvironment.Secrets(Broker),
            Intake = Storage.Intake,
        });
        GrantApplicationAccess();

        StateMachines = new StateMachines(this, "StateMachines",
            props?.StateMachineFolder ?? RepositoryFolders.StateMachines(), Messaging.Mirror, Storage.Key);

        Outputs();
    }

    /// <summary>Exactly what the aws profile's adapters call, on exactly their resources.</summary>
    void GrantApplicationAccess()
    {
        var tasks = Compute.TaskRole;
        // Intake reads the watched buckets; analysis writes frames, artifacts and documents to output only.
        Storage.Buckets[LogicalBuckets.Catalog].GrantRead(tasks);
        Storage.Buckets[LogicalBuckets.Videos].GrantRead(tasks);
        // Uploads through the API are put into the videos and catalog buckets (a presigned PUT URL is signed
        // with the tasks' own credentials, so it needs the same grant); a catalog upload that fails halfway
        // takes back the photos it had placed. Nothing else is ever deleted from an input bucket.
        Storage.Buckets[LogicalBuckets.Videos].GrantPut(tasks);
        Storage.Buckets[LogicalBuckets.Catalog].GrantPut(tasks);
        Storage.Buckets[LogicalBuckets.Catalog].GrantDelete(tasks);
        Storage.Buckets[LogicalBuckets.Output].GrantReadWrite(tasks);
        Storage.Intake.GrantConsumeMessages(tasks);
        Tables.Sagas.GrantReadWriteData(tasks);
        Tables.Artifacts.GrantReadWriteData(tasks);
        // Reviews are appended and read, never edited or deleted: a number taken by a conditional put, a Query.
        Tables.Reviews.Grant(tasks, "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DescribeTable");
        Tables.Reviews.EncryptionKey!.GrantEncryptDecrypt(tasks);
        // Webhooks: subscriptions added and removed, deliveries queued, taken by a conditional update, listed.
        Tables.Webhooks.Grant(tasks, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable");
        // Mirror tasks: each half written and the completion claimed by conditional updates, read back for
        // diagnostics, and the unclaimed ones found by a scan at start-up; never deleted.
        Tables.MirrorTasks.Grant(tasks, "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:DescribeTable");
        // Events: put by every task that hears one, the newest read by a Query; TTL removes them.
        Tables.Events.Grant(tasks, "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DescribeTable");
        Messaging.Completion.GrantPublish(tasks);
        // The product index: read through its alias ("products"), kept in versioned indexes ("products-v3") that a
        // reindex creates, builds under "products-building" and deletes; _bulk and the alias APIs, which OpenSearch
        // addresses at the domain root.
        Search.Domain.GrantIndexReadWrite(Search.ProductIndex, tasks);
        Search.Domain.GrantIndexReadWrite($"{Search.ProductIndex}-*", tasks);
        foreach (var path in new[] { "_bulk", "_aliases", "_alias/*" })
            Search.Domain.GrantPathReadWrite(path, tasks);
        MediaRoles.GrantSubmitJobs(tasks);
    }

    void Outputs()
    {
        foreach (var (logical, bucket) in Storage.Buckets)
            _ = new CfnOutput(this, $"{char.ToUpperInvariant(logical[0])}{logical[1..]}BucketName", new CfnOutputProps { Value = bucket.BucketName });
        _ = new CfnOutput(this, "IntakeDeadLetterQueueUrl", new CfnOutputProps { Value = Storage.IntakeDeadLetters.QueueUrl });
        _ = new CfnOutput(this, "CompletionTopicArn", new CfnOutputProps { Value = Messaging.Completion.TopicArn });
        _ = new CfnOutput(this, "MirrorQueueUrl", new CfnOutputProps { Value = Messaging.Mirror.QueueUrl });
        _ = new CfnOutput(this, "ProductIndexEndpoint", new CfnOutputProps { Value = Search.Domain.DomainEndpoint });
        _ = new CfnOutput(this, "MediaConvertRoleArn", new CfnOutputProps { Value = MediaRoles.MediaConvert.RoleArn });
        _ = new CfnOutput(this, "RekognitionRoleArn", new CfnOutputProps { Value = MediaRoles.Rekognition.RoleArn });
    }
}
