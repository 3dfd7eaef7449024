using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Aws.Tests.Replay;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Aws.Tests.Client;

/// <summary>Retries and error mapping, against error answers as the services document them.</summary>
public class SignedAwsHttpClientRetryTests
{
    static readonly AwsService StepFunctions = new("states", "us-east-1", new Uri("https://states.us-east-1.amazonaws.com/"));
    static readonly AwsService Sns = new("sns", "us-east-1", new Uri("https://sns.us-east-1.amazonaws.com/"));
    static readonly AwsService MediaConvert = new("mediaconvert", "us-east-1", new Uri("https://mediaconvert.us-east-1.amazonaws.com/"));

    const string ThrottlingJson = """{"__type":"com.amazonaws.swf.service.model#ThrottlingException","message":"Rate exceeded"}""";
    const string TopicNotFoundXml = """
        <?xml version="1.0"?>
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
          <RequestId>42d59b56-7407-4c4a-be0f-4c88daeea257</RequestId>
        </ErrorResponse>
        """;
    const string ThrottlingXml = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>
          <RequestId>1</RequestId>
        </ErrorResponse>
        """;

    static (HttpStatusCode, string, string?, (string, string)[]) Answer(HttpStatusCode status, string body = "", string? contentType = null,
        params (string, string)[] headers) => (status, body, contentType, headers);

    static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(2);

    // The retry waits on the recording clock, so the real backoff settings cost the tests no time.
    static SignedAwsHttpClient Client(HttpMessageHandler handler, int maxAttempts = 4, RecordingClock? clock = null,
        AWSCredentials? credentials = null) => new(new HttpClient(handler),
        new AwsClientOptions
        {
            Credentials = credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            MaxAttempts = maxAttempts,
            BackoffBase = TimeSpan.FromMilliseconds(100),
            BackoffCap = BackoffCap,
        },
        NullLogger<SignedAwsHttpClient>.Instance,
        clock ?? new RecordingClock());

    [Fact]
    public async Task A_throttled_json_request_is_retried_and_its_next_success_returned_with_the_same_body_re_signed()
    {
        var handler = new ReplayingHandler(
            Answer(HttpStatusCode.BadRequest, ThrottlingJson, "application/x-amz-json-1.0"),
            Answer(HttpStatusCode.BadRequest, ThrottlingJson, "application/x-amz-json-1.0"),
            Answer(HttpStatusCode.OK, """{"executionArn":"arn:e"}""", "application/x-amz-json-1.0"));

        var answer = await Client(handler, credentials: new RotatingCredentials())
            .SendJsonAsync(StepFunctions, "AWSStepFunctions.StartExecution", new JsonObject { ["name"] = "n" }, "1.0", default);

        Assert.Equal("arn:e", (string?)answer["executionArn"]);
        Assert.Equal(3, handler.Sent.Count);
        Assert.All(handler.Sent, s => Assert.Equal("""{"name":"n"}""", s.Body));
        Assert.All(handler.Sent, s => Assert.Equal("AWSStepFunctions.StartExecution", s.Request.Headers.GetValues("X-Amz-Target").Single()));
        // Each attempt was signed when it was made, with the credentials of that moment.
        Assert.Equal(["AKID1", "AKID2", "AKID3"], handler.Sent.Select(s => AccessKeyOf(s.Request)));
        Assert.Equal(3, handler.Sent.Select(s => s.Request.Headers.GetValues("Authorization").Single()).Distinct().Count());
        Assert.Equal("application/x-amz-json-1.0", handler.Sent[0].Request.Content!.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_attempts_ends_in_a_throttling_exception_after_exactly_max_attempts()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.BadRequest, ThrottlingJson, "application/x-amz-json-1.0"));

        var clock = new RecordingClock();

        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() =>
            Client(handler, maxAttempts: 3, clock).SendJsonAsync(StepFunctions, "AWSStepFunctions.SendTaskSuccess", [], "1.0", default));

        Assert.Equal(3, handler.Sent.Count);
        // A backoff wait before each retry, none after the last attempt, each within the cap.
        Assert.Equal(2, clock.Waits.Count);
        Assert.All(clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), BackoffCap));
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.Message.Split(": ").Last());
    }

    [Fact]
    public async Task A_query_style_xml_error_for_a_missing_topic_is_not_retried_and_maps_to_resource_not_found()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.NotFound, TopicNotFoundXml, "text/xml"));

        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() =>
            Client(handler).SendQueryAsync(Sns, "Publish", "2010-03-31", [new("TopicArn", "arn:missing")], default));

        Assert.Single(handler.Sent);
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal("42d59b56-7407-4c4a-be0f-4c88daeea257", error.RequestId);
        Assert.Equal("Action=Publish&Version=2010-03-31&TopicArn=arn%3Amissing", handler.Sent[0].Body);
    }

    [Fact]
    public async Task A_json_error_type_with_a_namespace_maps_by_its_code()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.swf.service.model#StateMachineDoesNotExist","message":"State Machine Does Not Exist"}""",
            "application/x-amz-json-1.0"));

        var error = await Assert.ThrowsAsync<AwsResourceNotFoundException>(() =>
            Client(handler).SendJsonAsync(StepFunctions, "AWSStepFunctions.StartExecution", [], "1.0", default));

        Assert.Equal("StateMachineDoesNotExist", error.ErrorCode);
    }

    [Fact]
    public async Task A_throttled_query_request_is_retried_like_a_json_one()
    {
        var handler = new ReplayingHandler(
            Answer(HttpStatusCode.BadRequest, ThrottlingXml, "text/xml"),
            Answer(HttpStatusCode.OK, "<PublishResponse><PublishResult><MessageId>m1</MessageId></PublishResult></PublishResponse>", "text/xml"));

        var answer = await Client(handler).SendQueryAsync(Sns, "Publish", "2010-03-31", [new("Message", "hi")], default);

        Assert.Equal("m1", answer.Value("MessageId"));
        Assert.Equal(2, handler.Sent.Count);
    }

    [Fact]
    public async Task A_503_is_retried_and_when_it_persists_surfaces_as_a_service_error_with_its_status()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.ServiceUnavailable, "Service Unavailable"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Client(handler, maxAttempts: 4).SendRestJsonAsync(MediaConvert, HttpMethod.Get, "/2017-08-29/jobs/1", null, default));

        Assert.Equal(4, handler.Sent.Count);
        Assert.Equal(typeof(AwsServiceException), error.GetType());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
    }

    [Fact]
    public async Task A_429_is_throttling_whatever_its_body()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.TooManyRequests), Answer(HttpStatusCode.OK, "{}", "application/json"));

        await Client(handler).SendRestJsonAsync(MediaConvert, HttpMethod.Get, "/2017-08-29/jobs/1", null, default);

        Assert.Equal(2, handler.Sent.Count);
    }

    [Fact]
    public async Task A_rest_json_error_named_by_its_header_maps_to_an_invalid_request_and_is_not_retried()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.BadRequest, """{"message":"Bad job settings"}""", "application/json",
            ("x-amzn-ErrorType", "BadRequestException:http://internal.amazon.com/coral/com.amazonaws.mediaconvert/")));

        var error = await Assert.ThrowsAsync<AwsInvalidRequestException>(() =>
            Client(handler).SendRestJsonAsync(MediaConvert, HttpMethod.Post, "/2017-08-29/jobs", new JsonObject(), default));

        Assert.Single(handler.Sent);
        Assert.Equal("BadRequestException", error.ErrorCode);
        Assert.Equal(HttpMethod.Post, handler.Sent[0].Request.Method);
        Assert.Equal("/2017-08-29/jobs", handler.Sent[0].Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task An_access_denied_answer_maps_to_access_denied()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.Forbidden,
            """{"__type":"AccessDeniedException","Message":"User is not authorized"}""", "application/x-amz-json-1.1"));

        var error = await Assert.ThrowsAsync<AwsAccessDeniedException>(() =>
            Client(handler).SendJsonAsync(StepFunctions, "AWSStepFunctions.ListStateMachines", [], "1.0", default));

        Assert.Equal("User is not authorized", error.Message.Split(": ").Last());
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_a_freshly_signed_copy_of_the_request()
    {
        var handler = new DropFirstHandler(new ReplayingHandler(Answer(HttpStatusCode.OK, "{}", "application/json")));

        await Client(handler).SendRestJsonAsync(MediaConvert, HttpMethod.Post, "/2017-08-29/jobs", new JsonObject { ["x"] = 1 }, default);

        Assert.Equal(2, handler.Attempts);
        Assert.Equal("""{"x":1}""", Assert.Single(handler.Inner.Sent).Body);
    }

    [Fact]
    public async Task With_a_single_attempt_nothing_is_retried()
    {
        var handler = new ReplayingHandler(Answer(HttpStatusCode.ServiceUnavailable, "Service Unavailable"));
        var clock = new RecordingClock();

        await Assert.ThrowsAsync<AwsServiceException>(() =>
            Client(handler, maxAttempts: 1, clock).SendRestJsonAsync(MediaConvert, HttpMethod.Get, "/2017-08-29/jobs/1", null, default));

        Assert.Single(handler.Sent);
        Assert.Empty(clock.Waits);
    }

    static string AccessKeyOf(HttpRequestMessage request) =>
        request.Headers.GetValues("Authorization").Single().Split("Credential=")[1].Split('/')[0];

    /// <summary>Credentials that change every time they are read, as refreshed temporary credentials do.</summary>
    sealed class RotatingCredentials : AWSCredentials
    {
        int issued;

        public override ImmutableCredentials GetCredentials() => new($"AKID{Interlocked.Increment(ref issued)}", "secret", null);
    }

    /// <summary>Drops the first connection, then hands requests to the inner handler.</summary>
    sealed class DropFirstHandler(ReplayingHandler inner) : DelegatingHandler(inner)
    {
        public ReplayingHandler Inner { get; } = inner;

        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            ++Attempts == 1
                ? throw new HttpRequestException("Connection reset by peer")
                : base.SendAsync(request, cancellationToken);
    }
}
