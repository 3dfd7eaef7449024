using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// How deliveries are signed: <c>X-ShoppableVideo-Signature: sha256=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;</c>
/// with the unix-seconds timestamp from <c>X-ShoppableVideo-Timestamp</c>. Self-contained so a receiver
/// can copy it: signing the timestamp with the body lets a receiver refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="signature"/> signs this timestamp and body with this secret and
    /// the timestamp is within <see cref="MaxAge"/> of <paramref name="now"/> (either way, for clock skew).</summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, DateTimeOffset now)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxAge.TotalSeconds)
            return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        var presented = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        // Constant time, so the comparison does not tell an attacker how many leading bytes were right.
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
