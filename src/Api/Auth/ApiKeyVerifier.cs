using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ShoppableVideo.Api.Auth;

/// <summary>Checks a presented key against the configured hashes. The key is hashed first and every
/// configured hash is compared in constant time, so timing tells an attacker neither which key is
/// closest nor how many keys there are.</summary>
public sealed class ApiKeyVerifier(IOptionsMonitor<ApiKeyOptions> options)
{
    public ApiKeyOptions Options => options.CurrentValue;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <returns>the matching key's entry, or null when no configured key matches.</returns>
    public ApiKeyEntry? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        ApiKeyEntry? match = null;
        foreach (var entry in options.CurrentValue.Keys)
        {
            // No early exit: every entry is compared whatever the outcome.
            if (CryptographicOperations.FixedTimeEquals(presented, Parse(entry.Sha256)))
                match ??= entry;
        }
        return match;
    }

    static byte[] Parse(string hex)
    {
        try { return hex.Length == 64 ? Convert.FromHexString(hex) : new byte[32]; }
        catch (FormatException) { return new byte[32]; }
    }
}
