using System.Xml.Linq;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>The few SNS operations the aws profile needs, over SNS's query protocol through the signed client.</summary>
public sealed class SnsClient(IAwsHttpClient client, AwsService service)
{
    const string Version = "2010-03-31";

    Task<XDocument> Call(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        client.SendQueryAsync(service, action, Version, parameters, cancellationToken);

    /// <returns>the topic's ARN; creating an existing topic returns it.</returns>
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default) =>
        (await Call("CreateTopic", [new("Name", name)], cancellationToken)).Value("TopicArn")!;

    /// <param name="rawMessageDelivery">deliver the bare message instead of SNS's JSON envelope.</param>
    /// <returns>the subscription's ARN.</returns>
    public async Task<string> SubscribeQueueAsync(string topicArn, string queueArn, bool rawMessageDelivery = false,
        CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("TopicArn", topicArn), new("Protocol", "sqs"), new("Endpoint", queueArn), new("ReturnSubscriptionArn", "true"),
        };
        if (rawMessageDelivery)
        {
            parameters.Add(new("Attributes.entry.1.key", "RawMessageDelivery"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }
        return (await Call("Subscribe", parameters, cancellationToken)).Value("SubscriptionArn")!;
    }

    /// <param name="attributes">string message attributes, which subscribers can filter on.</param>
    /// <returns>the message id.</returns>
    public async Task<string> PublishAsync(string topicArn, string message, string? subject = null,
        IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn), new("Message", message) };
        if (subject is not null)
            parameters.Add(new("Subject", subject));
        var index = 0;
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            index++;
            parameters.Add(new($"MessageAttributes.entry.{index}.Name", name));
            parameters.Add(new($"MessageAttributes.entry.{index}.Value.DataType", "String"));
            parameters.Add(new($"MessageAttributes.entry.{index}.Value.StringValue", value));
        }
        return (await Call("Publish", parameters, cancellationToken)).Value("MessageId")!;
    }
}
