using System.Security.Cryptography;
using System.Text;

namespace Signpost.Moderation;

/// <summary>Makes and hashes secrets: API keys and submission status tokens.</summary>
public static class ApiKeySecrets
{
    public const string KeyPrefix = "sp_";

    /// <summary>A new API key: "sp_" and 32 random bytes, base64url.</summary>
    public static string NewKey() => KeyPrefix + NewToken(32);

    /// <summary><paramref name="bytes"/> random bytes as base64url text.</summary>
    public static string NewToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256, hex: enough for secrets of 32 random bytes, which cannot be guessed.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
