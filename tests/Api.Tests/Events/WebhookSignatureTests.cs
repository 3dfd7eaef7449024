using ShoppableVideo.Api.Events.Webhooks;

namespace ShoppableVideo.Api.Tests.Events;

public class WebhookSignatureTests
{
    const string Secret = "whsec_test-secret";
    const string Body = """{"type":"video.completed","id":"abc"}""";
    const long Timestamp = 1700000000;

    // printf '%s' '1700000000.{"type":"video.completed","id":"abc"}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
    const string OpensslSignature = "sha256=9bf9bd168da017c91093e1574a3d6da140777c01b64d210b888d4347ad4cb02a";

    static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_timestamp_dot_body_as_openssl_computes_it() =>
        Assert.Equal(OpensslSignature, WebhookSignature.Compute(Secret, Timestamp, Body));

    [Fact]
    public void A_fresh_signature_verifies() =>
        Assert.True(WebhookSignature.Verify(Secret, "1700000000", Body, OpensslSignature, SignedAt.AddMinutes(4)));

    [Fact]
    public void A_tampered_body_a_wrong_secret_or_a_shifted_timestamp_does_not_verify()
    {
        Assert.False(WebhookSignature.Verify(Secret, "1700000000", Body.Replace("abc", "abd"), OpensslSignature, SignedAt));
        Assert.False(WebhookSignature.Verify("whsec_other", "1700000000", Body, OpensslSignature, SignedAt));
        Assert.False(WebhookSignature.Verify(Secret, "1700000001", Body, OpensslSignature, SignedAt));
        Assert.False(WebhookSignature.Verify(Secret, "1700000000", Body, null, SignedAt));
    }

    [Fact]
    public void A_signature_older_than_five_minutes_is_rejected_as_a_replay() =>
        Assert.False(WebhookSignature.Verify(Secret, "1700000000", Body, OpensslSignature, SignedAt.AddMinutes(5).AddSeconds(1)));
}
