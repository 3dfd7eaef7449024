using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace ShoppableVideo.Aws.Tests;

/// <summary>The queue set-up and inspection the tests do on the local SQS, in the SDK's terms.</summary>
public static class SqsQueues
{
    /// <returns>the new queue's URL. Creating an existing queue with the same attributes returns it.</returns>
    public static async Task<string> NewQueueAsync(this IAmazonSQS sqs, string name, Dictionary<string, string>? attributes = null) =>
        (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;

    public static async Task<string> QueueArnAsync(this IAmazonSQS sqs, string queueUrl) =>
        (await AttributesAsync(sqs, queueUrl, "QueueArn"))["QueueArn"];

    /// <summary>Messages waiting plus messages received and hidden: zero once every message is deleted.</summary>
    public static async Task<int> MessagesOnQueueAsync(this IAmazonSQS sqs, string queueUrl)
    {
        var attributes = await AttributesAsync(sqs, queueUrl, "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible");
        return int.Parse(attributes["ApproximateNumberOfMessages"]) + int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    /// <summary>The RedrivePolicy attribute: after <paramref name="maxReceiveCount"/> receives without a
    /// delete, SQS moves a message to the dead-letter queue.</summary>
    public static string RedrivePolicy(string deadLetterQueueArn, int maxReceiveCount) =>
        new JsonObject { ["deadLetterTargetArn"] = deadLetterQueueArn, ["maxReceiveCount"] = maxReceiveCount.ToString() }.ToJsonString();

    static async Task<Dictionary<string, string>> AttributesAsync(IAmazonSQS sqs, string queueUrl, params string[] names) =>
        (await sqs.GetQueueAttributesAsync(queueUrl, [.. names])).Attributes ?? [];
}
