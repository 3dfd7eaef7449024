using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>AWS Signature Version 4 for an arbitrary HTTP request.
/// AWSSDK.Core's <see cref="AWS4Signer"/> signs only its own <c>IRequest</c> built by a generated service
/// client with an <c>IClientConfig</c>, and its canonicalization methods are internal; so the canonical
/// request and the string to sign are built here, while the key derivation and the final HMAC are the
/// SDK's own (<see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>).
/// The published AWS SigV4 test-suite vectors check both halves (tests/Aws.Tests/Signing).</summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string CanonicalRequest(SigV4Request request, out string signedHeaders)
    {
        var headers = request.Headers
            .GroupBy(h => h.Key.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => TrimValue(h.Value)))))
            .ToList();
        signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var builder = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.Path)).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var (name, value) in headers)
            builder.Append(name).Append(':').Append(value).Append('\n');
        return builder.Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Hex(SHA256.HashData(request.Payload.Span)))
            .ToString();
    }

    public static string Scope(DateTime signedAt, string region, string service) =>
        $"{signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{region}/{service}/aws4_request";

    public static string StringToSign(string canonicalRequest, DateTime signedAt, string region, string service) =>
        $"{Algorithm}\n{signedAt.ToString(DateFormat, CultureInfo.InvariantCulture)}\n{Scope(signedAt, region, service)}\n" +
        Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The Authorization header's value. The request's headers must already hold X-Amz-Date
    /// (and X-Amz-Security-Token for session credentials) with <paramref name="signedAt"/>.</summary>
    public static string Authorization(SigV4Request request, ImmutableCredentials credentials, string region, string service, DateTime signedAt)
    {
        var canonical = CanonicalRequest(request, out var signedHeaders);
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical);
        return $"{Algorithm} Credential={credentials.AccessKey}/{Scope(signedAt, region, service)}, " +
               $"SignedHeaders={signedHeaders}, Signature={result.Signature}";
    }

    // Each segment is encoded as given: a wire path ("/a%20b") is thereby encoded twice, as all
    // services but S3 expect; the test suite's unencoded paths ("/example space/") once.
    static string CanonicalPath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(UriEncode));

    static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: UriEncode(Uri.UnescapeDataString(parts[0])),
                              Value: UriEncode(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters stay, every other UTF-8 byte
    /// becomes %XX in upper-case hex.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    // Leading and trailing spaces go; runs of spaces inside collapse to one (get-header-value-trim).
    static string TrimValue(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
