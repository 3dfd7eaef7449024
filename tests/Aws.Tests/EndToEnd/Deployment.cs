using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>One test's resources on the <see cref="LocalAwsStack"/>, and the settings that point an aws
/// profile worker at them.</summary>
public sealed record Deployment(
    LocalAwsStack Stack,
    string Name,
    RabbitMqServer Broker,
    IReadOnlyDictionary<string, string> Buckets,
    string IntakeQueueUrl,
    string S3EventsTopicArn,
    string CompletionTopicArn,
    string SubscriberQueueUrl)
{
    public string SagaTable => $"{Name}-sagas";

    /// <summary>The worker's configuration, as command-line settings.</summary>
    public IEnumerable<string> WorkerSettings()
    {
        var aws = "--ShoppableVideo:Aws";
        return
        [
            "--ShoppableVideo:Profile=aws",
            $"{aws}:Region=us-east-1",
            $"{aws}:AccessKeyId=test",
            $"{aws}:SecretAccessKey=test",
            $"{aws}:Endpoints:s3={Stack.Fauxqs.Endpoint}",
            $"{aws}:Endpoints:sqs={Stack.Fauxqs.Endpoint}",
            $"{aws}:Endpoints:sns={Stack.Fauxqs.Endpoint}",
            $"{aws}:Endpoints:dynamodb={Stack.Dynalite.Endpoint}",
            .. Buckets.Select(b => $"{aws}:Buckets:{b.Key}={b.Value}"),
            $"{aws}:IntakeQueueUrl={IntakeQueueUrl}",
            $"{aws}:CompletionTopicArn={CompletionTopicArn}",
            $"{aws}:SagaTable={SagaTable}",
            $"{aws}:ArtifactTable={Name}-artifacts",
            $"{aws}:CreateTablesIfMissing=true",
            // fauxqs refuses request bodies over 11 MiB.
            $"{aws}:S3PartSize={5 * 1024 * 1024}",
            $"--ShoppableVideo:RabbitMq:Host=amqp://127.0.0.1:{Broker.AmqpPort}/",
            $"--ShoppableVideo:RabbitMq:VirtualHost={Name}",
            // The worker's own account of what it did, in a failing test's message.
            "--Logging:LogLevel:ShoppableVideo=Information",
        ];
    }

    /// <summary>Settings that make a worker accept <paramref name="key"/> for writes, as <paramref name="name"/>.</summary>
    public static IEnumerable<string> AcceptingKey(string name, string key) =>
        [$"--{ApiKeyOptions.Section}:Keys:0:Name={name}", $"--{ApiKeyOptions.Section}:Keys:0:Sha256={ApiKeyVerifier.Hash(key)}"];

    /// <summary>Settings that put a worker's product index on OpenSearch at <paramref name="endpoint"/>.</summary>
    public static IEnumerable<string> ProductIndexOn(Uri endpoint, string index) =>
        [$"--ShoppableVideo:Aws:Endpoints:es={endpoint}", $"--ShoppableVideo:Aws:ProductIndex={index}"];

    /// <summary>Puts a local file into a logical bucket and announces it the way S3 does: an ObjectCreated
    /// record published to the bucket's SNS topic (which wraps it in an SNS envelope on the intake queue),
    /// the key form-encoded.</summary>
    public async Task<GetObjectMetadataResponse> PutAndAnnounceAsync(string bucket, string key, string file)
    {
        await Stack.S3.PutObjectAsync(new PutObjectRequest { BucketName = Buckets[bucket], Key = key, FilePath = file });
        var stored = await Stack.S3.GetObjectMetadataAsync(Buckets[bucket], key);
        await AnnounceAsync(bucket, key, stored);
        return stored;
    }

    /// <summary>Drops a catalog of Luma products as a shop would: their photos under <c>shop/</c> in the catalog
    /// bucket, then the manifest <c>shop/{manifestName}</c> naming them, announced.</summary>
    public async Task DropLumaCatalogAsync(IEnumerable<(string Id, string Category, string Photo)> products, string manifestName = "catalog.csv")
    {
        var listed = products.ToList();
        foreach (var product in listed)
            await Stack.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Buckets[Consumers.Storage.Buckets.Catalog], Key = $"shop/{product.Photo}",
                FilePath = Path.Combine(Consumers.Tests.Support.SharedData.Folder!, "luma", "images", product.Photo),
            });
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("sv-aws-catalog-").FullName, manifestName);
        await File.WriteAllLinesAsync(manifest,
            ["product_id,name,price,category,image", .. listed.Select(p => $"{p.Id},{p.Id},50,\"{p.Category}\",{p.Photo}")]);
        await PutAndAnnounceAsync(Consumers.Storage.Buckets.Catalog, $"shop/{manifestName}", manifest);
    }

    public Task AnnounceAsync(string bucket, string key, GetObjectMetadataResponse stored) =>
        Stack.Sns.PublishAsync(S3EventsTopicArn,
            Intake.S3Events.ObjectCreated(Buckets[bucket], Uri.EscapeDataString(key).Replace("%20", "+"), stored.ContentLength, stored.ETag));

    public async Task<IReadOnlyList<string>> OutputKeysAsync(string suffix)
    {
        var listing = await Stack.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Buckets[Consumers.Storage.Buckets.Output] });
        return (listing.S3Objects ?? []).Select(o => o.Key).Where(k => k.EndsWith(suffix, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The saga's item as DynamoDB holds it, read consistently.</summary>
    public async Task<Dictionary<string, AttributeValue>> SagaItemAsync(Guid id, string sagaType) =>
        (await Stack.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = SagaTable,
            ConsistentRead = true,
            Key = new() { ["PK"] = new AttributeValue { S = id.ToString("D") }, ["SK"] = new AttributeValue { S = sagaType } },
        })).Item ?? [];

    /// <summary>The completion events users receive: the subscriber queue's SNS envelopes, unwrapped.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReceiveCompletionEventsAsync()
    {
        var events = new List<JsonElement>();
        foreach (var message in await Stack.Sqs.ReceiveAsync(SubscriberQueueUrl, 10, 1))
        {
            using var envelope = JsonDocument.Parse(message.Body);
            events.Add(JsonDocument.Parse(envelope.RootElement.GetProperty("Message").GetString()!).RootElement.Clone());
            await Stack.Sqs.DeleteMessageAsync(SubscriberQueueUrl, message.ReceiptHandle);
        }
        return events;
    }
}
