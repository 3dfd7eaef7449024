namespace ShoppableVideo.Api.Uploads;

/// <summary>An upload (or one part of it) went past its limit while streaming; answered with 413.</summary>
public sealed class UploadTooLargeException(string what, long limit)
    : Exception($"{what} is larger than the limit of {limit} bytes")
{
    public long Limit { get; } = limit;
}
