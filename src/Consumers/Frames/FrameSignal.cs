namespace ShoppableVideo.Consumers.Frames;

/// <summary>What the decode pass measured on one frame. ContentScore compares it with the frame before
/// (0 for the first frame).</summary>
public readonly record struct FrameSignal(long FrameNumber, double Seconds, float ContentScore, float Sharpness);
