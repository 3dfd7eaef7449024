using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Aws.Tests.Dynamo;
using ShoppableVideo.Consumers.Aws;

namespace ShoppableVideo.Aws.Tests.Signing;

/// <summary>The published AWS Signature Version 4 test suite ("aws-sig-v4-test-suite", from the AWS
/// General Reference page "Signature Version 4 test suite"): each case's request (.req), and where the
/// suite gives them its canonical request (.creq), string to sign (.sts) and Authorization header
/// (.authz). All cases sign with AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY at
/// 20150830T123600Z for us-east-1 and the service "service".</summary>
public class SigV4TestSuiteTests
{
    static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    const string Date = "20150830T123600Z";
    const string Host = "example.amazonaws.com";
    const string Scope = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
    const string StsToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    /// <summary>name, method, path, query, extra headers ("Name:value" lines, after Host and X-Amz-Date),
    /// body, SignedHeaders, Signature: each case's .req and .authz.</summary>
    public static TheoryData<string, string, string, string, string[], string, string, string> Cases => new()
    {
        { "get-vanilla", "GET", "/", "", [], "", "host;x-amz-date",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", [], "", "host;x-amz-date",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1", [], "", "host;x-amz-date",
            "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-query-unreserved", "GET", "/",
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            [], "", "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197" },
        { "get-utf8", "GET", "/ሴ", "", [], "", "host;x-amz-date",
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "get-header-value-trim", "GET", "/", "", ["My-Header1: value1", "My-Header2: \"a   b   c\""], "",
            "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "post-vanilla", "POST", "/", "", [], "", "host;x-amz-date",
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-header-key-sort", "POST", "/", "", ["My-Header1:value1"], "", "host;my-header1;x-amz-date",
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-x-www-form-urlencoded", "POST", "/", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1",
            "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-sts-header-before", "POST", "/", "", [$"X-Amz-Security-Token:{StsToken}"], "",
            "host;x-amz-date;x-amz-security-token", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signs_each_suite_request_with_the_published_authorization(string name, string method, string path, string query,
        string[] headers, string body, string signedHeaders, string signature)
    {
        var request = Request(method, path, query, headers, body);

        var authorization = SigV4Signer.Authorization(request, Credentials, "us-east-1", "service", SignedAt);

        Assert.True($"AWS4-HMAC-SHA256 Credential={Scope}, SignedHeaders={signedHeaders}, Signature={signature}" == authorization, name);
    }

    [Fact]
    public void Builds_the_published_canonical_request_and_string_to_sign_for_get_vanilla_query_order_value()
    {
        var canonical = SigV4Signer.CanonicalRequest(Request("GET", "/", "Param1=value2&Param1=value1", [], ""), out _);

        Assert.Equal("GET\n/\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
                     "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
                     "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
            SigV4Signer.StringToSign(canonical, SignedAt, "us-east-1", "service"));
    }

    [Fact]
    public void Builds_the_published_canonical_request_and_string_to_sign_for_post_x_www_form_urlencoded()
    {
        var canonical = SigV4Signer.CanonicalRequest(
            Request("POST", "/", "", ["Content-Type:application/x-www-form-urlencoded"], "Param1=value1"), out var signedHeaders);

        Assert.Equal("content-type;host;x-amz-date", signedHeaders);
        Assert.Equal("POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n" +
                     "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" +
                     "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", canonical);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
                     "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            SigV4Signer.StringToSign(canonical, SignedAt, "us-east-1", "service"));
    }

    [Fact]
    public async Task The_client_signs_what_it_sends_as_the_suite_does_for_post_x_www_form_urlencoded()
    {
        var recorder = new RecordingHandler();
        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") };
        var client = new SignedAwsHttpClient(new HttpClient(recorder), options, NullLogger<SignedAwsHttpClient>.Instance,
            new FixedClock(SignedAt));
        var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/")
        {
            Content = new FormUrlEncodedContent([new("Param1", "value1")]),
        };

        using var _ = await client.SendAsync(new AwsService("service", "us-east-1", new Uri("https://example.amazonaws.com/")), request, default);

        var sent = Assert.Single(recorder.Requests);
        Assert.Equal(Date, sent.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal($"AWS4-HMAC-SHA256 Credential={Scope}, SignedHeaders=content-type;host;x-amz-date, " +
                     "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            sent.Headers.GetValues("Authorization").Single());
    }

    static SigV4Request Request(string method, string path, string query, string[] headers, string body)
    {
        var all = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", Date) };
        foreach (var line in headers)
        {
            var colon = line.IndexOf(':');
            all.Add(new(line[..colon], line[(colon + 1)..]));
        }
        return new SigV4Request(method, path, query, all, System.Text.Encoding.UTF8.GetBytes(body));
    }

    sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
