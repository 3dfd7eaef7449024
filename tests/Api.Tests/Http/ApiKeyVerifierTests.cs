using Microsoft.Extensions.Options;
using ShoppableVideo.Api.Auth;

namespace ShoppableVideo.Api.Tests.Http;

public class ApiKeyVerifierTests
{
    static ApiKeyVerifier VerifierFor(params ApiKeyEntry[] keys) =>
        new(new StaticOptions(new ApiKeyOptions { Keys = [.. keys] }));

    [Fact]
    public void A_key_is_found_by_its_hash_and_never_stored_in_clear()
    {
        var verifier = VerifierFor(new ApiKeyEntry { Name = "ci", Sha256 = ApiKeyVerifier.Hash("s3cret") });
        Assert.Equal("ci", verifier.Find("s3cret")?.Name);
        Assert.DoesNotContain("s3cret", verifier.Options.Keys[0].Sha256);
    }

    [Theory]
    [InlineData("s3cret ")]
    [InlineData("S3CRET")]
    [InlineData("")]
    public void A_different_key_matches_nothing(string presented)
    {
        var verifier = VerifierFor(new ApiKeyEntry { Name = "ci", Sha256 = ApiKeyVerifier.Hash("s3cret") });
        Assert.Null(verifier.Find(presented));
    }

    [Fact]
    public void A_malformed_configured_hash_matches_nothing_instead_of_throwing()
    {
        var verifier = VerifierFor(new ApiKeyEntry { Name = "typo", Sha256 = "not-hex" }, new ApiKeyEntry { Name = "ok", Sha256 = ApiKeyVerifier.Hash("k") });
        Assert.Null(verifier.Find("not-hex"));
        Assert.Equal("ok", verifier.Find("k")?.Name);
    }

    [Fact]
    public void Upper_case_hex_hashes_are_accepted()
    {
        var verifier = VerifierFor(new ApiKeyEntry { Name = "ci", Sha256 = ApiKeyVerifier.Hash("k").ToUpperInvariant() });
        Assert.Equal("ci", verifier.Find("k")?.Name);
    }

    sealed class StaticOptions(ApiKeyOptions value) : IOptionsMonitor<ApiKeyOptions>
    {
        public ApiKeyOptions CurrentValue => value;
        public ApiKeyOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApiKeyOptions, string?> listener) => null;
    }
}
