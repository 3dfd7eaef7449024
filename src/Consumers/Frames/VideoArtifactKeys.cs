namespace ShoppableVideo.Consumers.Frames;

/// <summary>Deterministic keys in the output bucket, so doing a step twice writes the same objects. Candidate
/// and representative frames are <see cref="RawFrameFormat"/> files at analysis size.</summary>
public static class VideoArtifactKeys
{
    public static string Folder(Guid videoId) => $"videos/{videoId:N}";

    public static string FrameSignals(Guid videoId) => $"{Folder(videoId)}/frame-signals.bin";

    /// <summary>Every analysed frame's item descriptors (<c>VideoDescriptorsFormat</c>), so a re-match needs no decode.</summary>
    public static string Descriptors(Guid videoId) => $"{Folder(videoId)}/descriptors.bin";

    public static string Candidate(Guid videoId, long frame) => $"{Folder(videoId)}/candidates/{frame:D6}{RawFrameFormat.Extension}";

    public static string RepresentativeFrame(Guid videoId, long frame) => $"{Folder(videoId)}/frames/{frame:D6}{RawFrameFormat.Extension}";
}
