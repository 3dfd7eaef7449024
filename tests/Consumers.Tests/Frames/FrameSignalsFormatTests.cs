using System.Text;
using ShoppableVideo.Consumers.Frames;

namespace ShoppableVideo.Consumers.Tests.Frames;

public sealed class FrameSignalsFormatTests
{
    [Fact]
    public void Sparse_signals_keep_the_videos_frame_count_through_the_artifact()
    {
        var signals = new FrameSignals(25, 15, 300, [new FrameSignal(0, 0, 0, 10), new FrameSignal(15, 0.6, 3, 12)], [0, 15]);
        using var buffer = new MemoryStream();

        FrameSignalsFormat.Write(signals, buffer);
        buffer.Position = 0;
        var read = FrameSignalsFormat.Read(buffer);

        Assert.Equal((300L, 299L), (read.FrameCount, read.LastFrame));
        Assert.Equal(signals.Frames, read.Frames);
        Assert.Equal(signals.CandidateFrames, read.CandidateFrames);
    }

    [Fact]
    public void An_artifact_written_before_the_frame_count_was_stored_reads_as_one_signal_per_frame()
    {
        // Version 1, as a frame step that ran before the upgrade left it: no frame count.
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("SVFS0001"u8.ToArray());
            writer.Write(25.0);
            writer.Write(2);
            writer.Write(3);
            for (var i = 0; i < 3; i++)
            {
                writer.Write((long)i);
                writer.Write(i / 25.0);
                writer.Write(1f);
                writer.Write(5f);
            }
            writer.Write(2);
            writer.Write(0L);
            writer.Write(2L);
        }
        buffer.Position = 0;

        var read = FrameSignalsFormat.Read(buffer);

        Assert.Equal(3, read.FrameCount);
        Assert.Equal(0.12, read.EndSecondsOf(2), 9);
        Assert.Equal([0L, 2L], read.CandidateFrames);
    }
}
