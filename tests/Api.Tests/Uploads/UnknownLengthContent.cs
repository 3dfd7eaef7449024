namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>Request content whose length is not known up front, so it goes without a Content-Length
/// (chunked), the way a client streaming from a pipe sends it.</summary>
public sealed class UnknownLengthContent(byte[] bytes) : StreamContent(new ForwardOnlyStream(bytes))
{
    sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
