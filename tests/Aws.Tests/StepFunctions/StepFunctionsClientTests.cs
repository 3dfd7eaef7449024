using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Aws.Tests.Replay;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.StepFunctions;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>The Step Functions API replayed through the real signed client: the exact requests (target
/// header, media type, JSON body) and the documented answers, errors included.</summary>
public class StepFunctionsClientTests
{
    const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:VideoProcessingState";
    const string ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:VideoProcessingState:3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAf0TNh5Sbyx8Ei7nqsQ5zcbxYLIh";

    static (StepFunctionsClient Client, ReplayHandler Replay) Replayed()
    {
        var replay = new ReplayHandler();
        var options = new AwsClientOptions
        {
            Credentials = new BasicAWSCredentials("test", "test"),
            BackoffBase = TimeSpan.FromMilliseconds(1),
            MaxAttempts = 3,
        };
        var signed = new SignedAwsHttpClient(new HttpClient(replay), options, NullLogger<SignedAwsHttpClient>.Instance);
        return (new StepFunctionsClient(signed, options.Service("states")), replay);
    }

    static void AssertCall(RecordedRequest request, string target, string body)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal($"AWSStepFunctions.{target}", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        Assert.Contains("/states/aws4_request", request.Header("Authorization"));
        JsonAssert.Equal(body, request.Body);
    }

    [Fact]
    public async Task StartExecution_names_the_execution_after_the_saga_and_sends_the_input_as_a_JSON_string()
    {
        var (client, replay) = Replayed();
        replay.Answer($$"""{"executionArn":"{{ExecutionArn}}","startDate":1.7203392E9}""");

        var start = await client.StartExecutionAsync(StateMachineArn, "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            new JsonObject { ["sagaId"] = "3f2504e0-4f89-11d3-9a0c-0305e82c3301" });

        Assert.Equal(new ExecutionStart(ExecutionArn, AlreadyStarted: false), start);
        AssertCall(Assert.Single(replay.Requests), "StartExecution", $$"""
            {"stateMachineArn":"{{StateMachineArn}}","name":"3f2504e0-4f89-11d3-9a0c-0305e82c3301",
             "input":"{\"sagaId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}"}
            """);
    }

    [Fact]
    public async Task A_second_start_of_the_same_saga_is_ExecutionAlreadyExists_and_reads_as_already_started()
    {
        var (client, replay) = Replayed();
        replay.Answer(HttpStatusCode.BadRequest,
            $$"""{"__type":"com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists","message":"Execution Already Exists: '{{ExecutionArn}}'"}""",
            "application/x-amz-json-1.0");

        var start = await client.StartExecutionAsync(StateMachineArn, "3f2504e0-4f89-11d3-9a0c-0305e82c3301", []);

        Assert.Equal(new ExecutionStart(null, AlreadyStarted: true), start);
        Assert.Single(replay.Requests);
    }

    [Fact]
    public async Task SendTaskSuccess_sends_the_token_and_the_output_as_a_JSON_string()
    {
        var (client, replay) = Replayed();
        replay.Answer("{}");

        var answer = await client.SendTaskSuccessAsync(Token, new JsonObject { ["step"] = "Probe" });

        Assert.True(answer.IsAccepted);
        AssertCall(Assert.Single(replay.Requests), "SendTaskSuccess", $$"""{"taskToken":"{{Token}}","output":"{\"step\":\"Probe\"}"}""");
    }

    [Fact]
    public async Task SendTaskFailure_sends_the_error_and_the_cause_cut_to_the_documented_limits()
    {
        var (client, replay) = Replayed();
        replay.Answer("{}");
        var longCause = new string('x', 40000);

        var answer = await client.SendTaskFailureAsync(Token, "ExtractFramesFailed", longCause);

        Assert.True(answer.IsAccepted);
        var body = JsonNode.Parse(Assert.Single(replay.Requests).Body!)!;
        Assert.Equal("ExtractFramesFailed", (string?)body["error"]);
        Assert.Equal(32768, ((string)body["cause"]!).Length);
        Assert.Equal(Token, (string?)body["taskToken"]);
    }

    [Theory]
    [InlineData("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")]
    [InlineData("TaskDoesNotExist", "Task does not exist")]
    [InlineData("InvalidToken", "Invalid Token: 'Invalid token'")]
    public async Task A_completion_of_a_task_that_is_gone_is_answered_once_and_reported_not_thrown(string code, string message)
    {
        var (client, replay) = Replayed();
        replay.Answer(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.swf.base.model#{{code}}","message":"{{message}}"}""",
            "application/x-amz-json-1.0");

        var answer = await client.SendTaskSuccessAsync(Token, []);

        Assert.False(answer.IsAccepted);
        Assert.Equal(code, answer.RefusedWith);
        Assert.Single(replay.Requests);
    }

    [Fact]
    public async Task ThrottlingException_is_retried_by_the_signed_client_and_the_same_request_goes_again()
    {
        var (client, replay) = Replayed();
        replay.Answer(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", "application/x-amz-json-1.0")
            .Answer("{}");

        var answer = await client.SendTaskSuccessAsync(Token, new JsonObject { ["step"] = "Probe" });

        Assert.True(answer.IsAccepted);
        Assert.Equal(2, replay.Requests.Count);
        Assert.Equal(replay.Requests[0].Body, replay.Requests[1].Body);
    }

    [Fact]
    public async Task A_server_error_for_good_surfaces_after_the_client_s_attempts()
    {
        var (client, replay) = Replayed();
        for (var i = 0; i < 3; i++)
            replay.Answer(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"boom"}""", "application/x-amz-json-1.0");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.SendTaskSuccessAsync(Token, []));

        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Equal(3, replay.Requests.Count);
    }
}
