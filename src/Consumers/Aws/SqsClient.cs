using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The few SQS operations intake needs, over SQS's JSON protocol (AmazonSQS.* targets,
/// application/x-amz-json-1.0) through the signed client.</summary>
public sealed class SqsClient(IAwsHttpClient client, AwsService service)
{
    Task<JsonObject> Call(string operation, JsonObject body, CancellationToken cancellationToken) =>
        client.SendJsonAsync(service, $"AmazonSQS.{operation}", body, "1.0", cancellationToken);

    /// <returns>the queue's URL. Creating an existing queue with the same attributes returns it.</returns>
    public async Task<string> CreateQueueAsync(string name, IReadOnlyDictionary<string, string>? attributes = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["QueueName"] = name };
        if (attributes is { Count: > 0 })
            body["Attributes"] = ToObject(attributes);
        return (string)(await Call("CreateQueue", body, cancellationToken))["QueueUrl"]!;
    }

    public async Task<string> GetQueueUrlAsync(string name, CancellationToken cancellationToken = default) =>
        (string)(await Call("GetQueueUrl", new JsonObject { ["QueueName"] = name }, cancellationToken))["QueueUrl"]!;

    /// <param name="names">"QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "All" ...</param>
    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, IEnumerable<string> names,
        CancellationToken cancellationToken = default)
    {
        var answer = await Call("GetQueueAttributes",
            new JsonObject { ["QueueUrl"] = queueUrl, ["AttributeNames"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]) },
            cancellationToken);
        return answer["Attributes"] is JsonObject attributes
            ? attributes.ToDictionary(a => a.Key, a => a.Value?.ToString() ?? "")
            : new Dictionary<string, string>();
    }

    public async Task<string> SendMessageAsync(string queueUrl, string body, CancellationToken cancellationToken = default) =>
        (string)(await Call("SendMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = body }, cancellationToken))["MessageId"]!;

    /// <param name="waitTimeSeconds">long poll: wait up to this long (0..20) for a message to arrive.</param>
    /// <param name="visibilityTimeoutSeconds">hide received messages this long; null: the queue's default.</param>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(string queueUrl, int maxNumberOfMessages, int waitTimeSeconds,
        int? visibilityTimeoutSeconds = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["QueueUrl"] = queueUrl,
            ["MaxNumberOfMessages"] = maxNumberOfMessages,
            ["WaitTimeSeconds"] = waitTimeSeconds,
            ["MessageSystemAttributeNames"] = new JsonArray("ApproximateReceiveCount"),
        };
        if (visibilityTimeoutSeconds is { } visibility)
            body["VisibilityTimeout"] = visibility;
        var answer = await Call("ReceiveMessage", body, cancellationToken);
        return answer["Messages"] is JsonArray messages
            ? messages.OfType<JsonObject>().Select(m => new SqsMessage(
                    (string)m["MessageId"]!,
                    (string)m["ReceiptHandle"]!,
                    (string?)m["Body"] ?? "",
                    int.TryParse((string?)m["Attributes"]?["ApproximateReceiveCount"], out var count) ? count : 0))
                .ToList()
            : [];
    }

    public Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default) =>
        Call("DeleteMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["ReceiptHandle"] = receiptHandle }, cancellationToken);

    /// <summary>Hides the message for <paramref name="visibilityTimeoutSeconds"/> from now on.</summary>
    public Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, int visibilityTimeoutSeconds,
        CancellationToken cancellationToken = default) =>
        Call("ChangeMessageVisibility",
            new JsonObject { ["QueueUrl"] = queueUrl, ["ReceiptHandle"] = receiptHandle, ["VisibilityTimeout"] = visibilityTimeoutSeconds },
            cancellationToken);

    /// <summary>The RedrivePolicy attribute: after <paramref name="maxReceiveCount"/> receives without a
    /// delete, SQS moves a message to the dead-letter queue.</summary>
    public static string RedrivePolicy(string deadLetterQueueArn, int maxReceiveCount) =>
        new JsonObject { ["deadLetterTargetArn"] = deadLetterQueueArn, ["maxReceiveCount"] = maxReceiveCount.ToString() }.ToJsonString();

    static JsonObject ToObject(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
            json[key] = value;
        return json;
    }
}
