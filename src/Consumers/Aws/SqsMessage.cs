namespace ShoppableVideo.Consumers.Aws;

/// <summary>A received SQS message: its receipt handle (needed to delete it or change its visibility) and
/// how many times it has been received, the first time included.</summary>
public sealed record SqsMessage(string MessageId, string ReceiptHandle, string Body, int ApproximateReceiveCount);
