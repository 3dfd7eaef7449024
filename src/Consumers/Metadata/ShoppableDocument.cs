using System.Text.Json.Serialization;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Metadata;

/// <summary>The shoppable metadata document a player or shop reads: every shot with its time range, its
/// representative frames and the products found in it. Version 1 is the first processing's and is written
/// without Version, CreatedAt and Reason (as before re-matching existed); a re-match after a catalog change
/// writes version 2 and up with all three (<see cref="ShoppableVersions"/>).</summary>
public record ShoppableDocument(
    string SchemaVersion,
    Guid VideoId,
    ShoppableVideoInfo Video,
    string Analysis,
    IReadOnlyList<ShoppableSegment> Segments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CreatedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    /// <summary>The version this document is: version 1 does not say.</summary>
    [JsonIgnore]
    public int VersionNumber => Version ?? 1;

    /// <summary>2.0 added <c>match</c> (exact or similar) and <c>confidence</c> to every product.</summary>
    public const string CurrentSchemaVersion = "2.0";

    /// <summary>The first processing's document (version 1); later versions: <see cref="ShoppableVersions.KeyFor"/>.</summary>
    public static string KeyFor(Guid videoId) => $"videos/{videoId:N}/shoppable.json";

    public static ShoppableDocument From(PublishMetadata command)
    {
        var matches = command.Matches.ToDictionary(m => m.SegmentIndex, m => m.Products);
        return new ShoppableDocument(
            CurrentSchemaVersion,
            command.VideoId,
            new ShoppableVideoInfo(
                command.Video.Bucket, command.Video.Key, command.Video.Size, command.Video.ContentHash,
                command.Probe.DurationSeconds, command.Probe.FramesPerSecond, command.Probe.DisplayWidth, command.Probe.DisplayHeight),
            command.Analysis,
            command.Segments
                .Select(s => new ShoppableSegment(
                    s.Index, s.StartFrame, s.EndFrame, s.StartSeconds, s.EndSeconds, s.Frames,
                    matches.GetValueOrDefault(s.Index, [])))
                .ToList());
    }
}

/// <summary>Width and Height are the size the video shows at, upright, which the boxes are fractions of.</summary>
public record ShoppableVideoInfo(
    string Bucket, string Key, long Size, string ContentHash,
    double DurationSeconds, double FramesPerSecond, int Width, int Height);

public record ShoppableSegment(
    int Index, long StartFrame, long EndFrame, double StartSeconds, double EndSeconds,
    IReadOnlyList<RepresentativeFrame> Frames, IReadOnlyList<ProductMatch> Products);
