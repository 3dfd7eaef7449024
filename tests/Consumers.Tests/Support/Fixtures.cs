namespace ShoppableVideo.Consumers.Tests.Support;

public static class Fixtures
{
    public const string SixShots = "six-shots-hard-cuts.mp4";
    public const string Fence = "luma-model-against-fence-4s.mp4";
    public const string People = "one-by-one-person-detection.mp4";
}
