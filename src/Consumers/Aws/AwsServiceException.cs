using System.Net;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>An AWS service refused a request: its HTTP status, its error code ("ThrottlingException",
/// "ResourceNotFoundException", "AWS.SimpleQueueService.NonExistentQueue" ...) and its message.</summary>
public class AwsServiceException(string service, HttpStatusCode status, string errorCode, string message, string? requestId = null)
    : Exception($"{service}: {errorCode} ({(int)status}): {message}")
{
    public string Service { get; } = service;
    public HttpStatusCode Status { get; } = status;
    public string ErrorCode { get; } = errorCode;
    public string? RequestId { get; } = requestId;
}

/// <summary>Throttled, still after the client's retries.</summary>
public sealed class AwsThrottlingException(string service, HttpStatusCode status, string errorCode, string message, string? requestId = null)
    : AwsServiceException(service, status, errorCode, message, requestId);

/// <summary>The named resource (queue, job, index, table) does not exist.</summary>
public sealed class AwsResourceNotFoundException(string service, HttpStatusCode status, string errorCode, string message, string? requestId = null)
    : AwsServiceException(service, status, errorCode, message, requestId);

/// <summary>The credentials were refused or lack a permission.</summary>
public sealed class AwsAccessDeniedException(string service, HttpStatusCode status, string errorCode, string message, string? requestId = null)
    : AwsServiceException(service, status, errorCode, message, requestId);

/// <summary>The request itself is wrong (validation, bad parameter); retrying cannot help.</summary>
public sealed class AwsInvalidRequestException(string service, HttpStatusCode status, string errorCode, string message, string? requestId = null)
    : AwsServiceException(service, status, errorCode, message, requestId);
