namespace ShoppableVideo.Consumers.Aws;

/// <summary>One AWS service as this process reaches it: the name SigV4 signs with ("sns",
/// "mediaconvert", "rekognition", "states", "es"), the region, and the endpoint (the regional default,
/// or an override such as a local server's address).</summary>
public sealed record AwsService(string SigningName, string Region, Uri Endpoint);
