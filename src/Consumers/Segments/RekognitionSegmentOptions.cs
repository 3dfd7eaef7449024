namespace ShoppableVideo.Consumers.Segments;

/// <summary>Rekognition segment detection filters (StartSegmentDetectionFilters).</summary>
public sealed class RekognitionSegmentOptions
{
    /// <summary>ShotFilter.MinSegmentConfidence (50-100). Rekognition's default is 80; a missed cut only makes
    /// a longer segment, which still gets a frame per window, so the default is kept.</summary>
    public double MinShotConfidence { get; set; } = 80;

    /// <summary>GetSegmentDetection MaxResults per page (at most 1000).</summary>
    public int PageSize { get; set; } = 1000;
}
