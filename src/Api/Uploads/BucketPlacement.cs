namespace ShoppableVideo.Api.Uploads;

/// <summary>How a staged upload ended up under its key: moved in, or found there already (the same
/// bytes were uploaded before), or refused because the key holds different bytes.</summary>
public enum BucketPlacement
{
    Stored,
    AlreadyStored,
    KeyTaken,
}
