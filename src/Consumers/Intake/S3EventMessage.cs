using System.Net;
using System.Text.Json;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>What an intake queue message says. S3 sends its event notification either straight to the
/// queue or through an SNS topic, which wraps it in its envelope ({"Type":"Notification","Message":"…"});
/// either carries {"Records":[…]} or, when a bucket's notifications are first configured, an
/// s3:TestEvent. Anything else is unreadable, and left to the queue's redrive policy.</summary>
public sealed record S3EventMessage(IReadOnlyList<S3ObjectRecord> Records, bool IsIgnorable, string? Unreadable)
{
    public static S3EventMessage Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Refused("not a JSON object");
            if (Text(root, "Type") is { } type)
            {
                // SNS confirms SQS subscriptions itself; its other message types carry no S3 event.
                if (type != "Notification")
                    return new([], true, null);
                return Text(root, "Message") is { } inner ? Parse(inner) : Refused("an SNS notification without a Message");
            }
            if (Text(root, "Event") == "s3:TestEvent")
                return new([], true, null);
            if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
                return Refused("neither an S3 event nor an SNS notification");
            return new([.. records.EnumerateArray().Select(Record)], false, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Refused(e.Message);
        }
    }

    static S3EventMessage Refused(string reason) => new([], false, reason);

    static S3ObjectRecord Record(JsonElement record)
    {
        var s3 = record.GetProperty("s3");
        var @object = s3.GetProperty("object");
        return new S3ObjectRecord(
            Text(record, "eventName") ?? throw new FormatException("a record without eventName"),
            Text(s3.GetProperty("bucket"), "name") ?? throw new FormatException("a record without a bucket name"),
            // S3 form-encodes keys in notifications: "+" is a space, "%2B" a plus.
            WebUtility.UrlDecode(Text(@object, "key") ?? throw new FormatException("a record without an object key")),
            @object.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : 0,
            (Text(@object, "eTag") ?? "").Trim('"'));
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
