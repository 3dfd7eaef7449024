using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Intake;

namespace ShoppableVideo.Consumers.Tests.Intake;

/// <summary>Intake queue bodies as S3 and SNS write them.</summary>
public class S3EventMessageTests
{
    const string Raw = """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:CompleteMultipartUpload",
          "s3":{"bucket":{"name":"videos-1"},"object":{"key":"a+b%2Fc%2B.mp4","size":7,"eTag":"d41d8cd98f00b204e9800998ecf8427e-2"}}}]}
        """;

    [Fact]
    public void A_raw_record_is_read_with_its_key_form_decoded()
    {
        var record = Assert.Single(S3EventMessage.Parse(Raw).Records);

        Assert.Equal(new S3ObjectRecord("ObjectCreated:CompleteMultipartUpload", "videos-1", "a b/c+.mp4", 7, "d41d8cd98f00b204e9800998ecf8427e-2"), record);
        Assert.True(record.IsObjectCreated);
    }

    [Fact]
    public void An_SNS_envelope_is_unwrapped_to_the_same_record()
    {
        var envelope = new JsonObject { ["Type"] = "Notification", ["MessageId"] = "1", ["TopicArn"] = "arn:aws:sns:us-east-1:1:t", ["Message"] = Raw };

        Assert.Equal(S3EventMessage.Parse(Raw).Records, S3EventMessage.Parse(envelope.ToJsonString()).Records);
    }

    [Fact]
    public void A_test_event_is_ignorable_raw_or_wrapped()
    {
        const string test = """{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"videos-1"}""";
        var wrapped = new JsonObject { ["Type"] = "Notification", ["Message"] = test }.ToJsonString();

        Assert.All(new[] { test, wrapped }, body =>
        {
            var parsed = S3EventMessage.Parse(body);
            Assert.True(parsed.IsIgnorable);
            Assert.Null(parsed.Unreadable);
            Assert.Empty(parsed.Records);
        });
    }

    [Theory]
    [InlineData("garbage {")]
    [InlineData("[1,2]")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"Records":[{"eventName":"ObjectCreated:Put"}]}""")]
    [InlineData("""{"Type":"Notification","Message":"not json"}""")]
    public void Anything_else_is_unreadable_with_a_reason(string body)
    {
        var parsed = S3EventMessage.Parse(body);

        Assert.False(string.IsNullOrEmpty(parsed.Unreadable));
        Assert.False(parsed.IsIgnorable);
    }

    [Fact]
    public void Only_created_objects_of_mapped_buckets_become_stored_objects()
    {
        var buckets = new Dictionary<string, string> { ["videos-1"] = "videos" };
        var created = new S3ObjectRecord("ObjectCreated:Put", "videos-1", "k.mp4", 3, "e");

        Assert.Equal(new Messages.StoredObject("videos", "k.mp4", 3, "s3-etag:e"), S3ObjectEvents.ToStoredObject(created, buckets));
        Assert.Null(S3ObjectEvents.ToStoredObject(created with { EventName = "ObjectRemoved:Delete" }, buckets));
        Assert.Null(S3ObjectEvents.ToStoredObject(created with { Bucket = "other" }, buckets));
    }
}
