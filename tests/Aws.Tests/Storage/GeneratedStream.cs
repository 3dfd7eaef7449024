namespace ShoppableVideo.Aws.Tests.Storage;

/// <summary>A non-seekable source of <see cref="Length"/> deterministic bytes, made as they are read, so
/// a test can write a large object without holding it. It records the most bytes any one read asked for,
/// and can fail once a given number of bytes has been handed out, as a dropped upload would.</summary>
public sealed class GeneratedStream(long length, long failAfter = long.MaxValue) : Stream
{
    long position;

    public override long Length => throw new NotSupportedException("a generated stream has no known length");

    public long BytesRead => position;

    public int LargestReadRequested { get; private set; }

    public static byte ByteAt(long position) => (byte)((position * 2654435761L) >> 13);

    public override int Read(Span<byte> buffer)
    {
        LargestReadRequested = Math.Max(LargestReadRequested, buffer.Length);
        if (position >= failAfter)
            throw new IOException("the source broke off");
        var count = (int)Math.Min(buffer.Length, Math.Min(length, failAfter) - position);
        for (var i = 0; i < count; i++)
            buffer[i] = ByteAt(position + i);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
