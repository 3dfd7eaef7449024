namespace ShoppableVideo.Api.Uploads;

/// <summary>The answer to an accepted video upload. <see cref="Status"/> is where processing shows;
/// it may answer 404 for a moment until the saga has taken the event.</summary>
public sealed record VideoUploadAccepted(
    Guid Id,
    string Key,
    long Size,
    string ContentHash,
    string Container,
    bool AlreadyStored,
    string Status);
