namespace ShoppableVideo.Api.Uploads;

/// <summary>One part of a catalog upload that was refused: the form field and file name it came as,
/// why, and the status that reason alone would get (415 wrong type, 422 unusable, 400 malformed).</summary>
public sealed record RejectedPart(string Part, string Reason, int Status);
