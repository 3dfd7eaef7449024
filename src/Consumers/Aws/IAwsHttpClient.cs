namespace ShoppableVideo.Consumers.Aws;

/// <summary>The one signed HTTP client for the AWS services whose SDK packages the registry here lacks
/// (SNS, MediaConvert, Rekognition, Step Functions, OpenSearch). It signs each request with SigV4,
/// retries throttling and 5xx answers with jittered backoff, and turns error answers into
/// <see cref="AwsServiceException"/>s; the adapters only build requests and read answers.</summary>
public interface IAwsHttpClient
{
    /// <returns>a successful (2xx) response; anything else has become an exception.</returns>
    Task<HttpResponseMessage> SendAsync(AwsService service, HttpRequestMessage request, CancellationToken cancellationToken);
}
