using System.Text;

namespace Signpost.Search;

/// <summary>
/// Free text turned into a safe FTS5 query: every word becomes a quoted phrase, so quotes,
/// brackets, <c>AND</c>, <c>NEAR(</c>, <c>*</c> or SQL in the input are only ever searched
/// as words and can never be an FTS syntax error. All words must match (implicit AND).
/// </summary>
public sealed record FtsQuery(string MatchExpression, IReadOnlyList<string> Words)
{
    public const int MaxWords = 16;
    public const int MaxWordLength = 64;

    /// <summary>A query with no words (the text was only punctuation) matches nothing.</summary>
    public bool MatchesNothing => Words.Count == 0;

    public static FtsQuery From(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                word.Append(rune.ToString());
                continue;
            }

            Flush();
        }

        Flush();
        var expression = string.Join(' ', words.Select(w => $"\"{w}\""));
        return new FtsQuery(expression, words);

        void Flush()
        {
            if (word.Length > 0 && words.Count < MaxWords)
            {
                words.Add(word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString());
            }

            word.Clear();
        }
    }
}
