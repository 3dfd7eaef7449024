using System.Text.Json.Nodes;

namespace ShoppableVideo.Aws.Tests.Intake;

/// <summary>S3 event notifications as S3 sends them (event notification message structure, version 2.1),
/// keys form-encoded as S3 encodes them.</summary>
public static class S3Events
{
    public static string ObjectCreated(string bucket, string encodedKey, long size, string eTag) => new JsonObject
    {
        ["Records"] = new JsonArray(new JsonObject
        {
            ["eventVersion"] = "2.1",
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = "us-east-1",
            ["eventTime"] = "2025-01-01T12:00:00.000Z",
            ["eventName"] = "ObjectCreated:Put",
            ["s3"] = new JsonObject
            {
                ["s3SchemaVersion"] = "1.0",
                ["configurationId"] = "intake",
                ["bucket"] = new JsonObject { ["name"] = bucket, ["arn"] = $"arn:aws:s3:::{bucket}" },
                ["object"] = new JsonObject { ["key"] = encodedKey, ["size"] = size, ["eTag"] = eTag, ["sequencer"] = "0055AED6DCD90281E5" },
            },
        }),
    }.ToJsonString();
}
