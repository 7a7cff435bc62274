using System.Security.Cryptography;

namespace Signpost.Submissions;

/// <summary>References people can read out on the phone: "SP-7K3M-9QXD" (no 0/O, 1/I/L, U).</summary>
public static class SubmissionReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SP-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Whether the text has a reference's shape ("SP-" and two groups of four from the alphabet).</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == 12 && text.StartsWith("SP-", StringComparison.Ordinal) && text[7] == '-'
        && text.AsSpan(3, 4).IndexOfAnyExcept(Alphabet) < 0 && text.AsSpan(8, 4).IndexOfAnyExcept(Alphabet) < 0;
}
