using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Media;

/// <summary>Which exceptions mean "this input will never work" (fail the step with a reason) rather than
/// "try again" (let MassTransit retry).</summary>
internal static class PermanentFailure
{
    public static string? ReasonFor(Exception exception) => exception switch
    {
        MediaRejectedException rejected => rejected.Reason,
        InvalidObjectKeyException badKey => badKey.Message,
        FileNotFoundException or DirectoryNotFoundException => "the object no longer exists",
        _ => null,
    };
}
