namespace ShoppableVideo.Consumers.Aws;

/// <summary>What SigV4 signs of a request: the method, the path as it goes on the wire (it is encoded once
/// more when canonicalized, as every service but S3 expects), the query string without its '?', every
/// header that is signed (names in any case; a name may repeat), and the payload's bytes.</summary>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Payload);
