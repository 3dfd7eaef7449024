using Microsoft.Extensions.Configuration;
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

    [Fact]
    public void A_key_bound_from_configuration_with_only_the_read_scope_cannot_write()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keys:0:Name"] = "reader", ["Keys:0:Sha256"] = ApiKeyVerifier.Hash("r"), ["Keys:0:Scopes:0"] = "read",
            ["Keys:1:Name"] = "admin", ["Keys:1:Sha256"] = ApiKeyVerifier.Hash("w"),
        }).Build();
        var options = configuration.Get<ApiKeyOptions>()!;

        Assert.True(options.Keys[0].Allows(ApiScopes.Read));
        Assert.False(options.Keys[0].Allows(ApiScopes.Write));
        Assert.True(options.Keys[1].Allows(ApiScopes.Write)); // no scopes listed: both
    }

    sealed class StaticOptions(ApiKeyOptions value) : IOptionsMonitor<ApiKeyOptions>
    {
        public ApiKeyOptions CurrentValue => value;
        public ApiKeyOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApiKeyOptions, string?> listener) => null;
    }
}
