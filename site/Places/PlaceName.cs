using System.Globalization;
using System.Text;

namespace Signpost.Site;

/// <summary>
/// A place name as the browser compares it: lower-case ASCII letters and digits only, so
/// "Ottery St. Mary", "ottery st mary" and "Ottery-St-Mary" are the same name. search.js
/// normalises what a resident types the same way.
/// </summary>
public static class PlaceName
{
    public static string Compact(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
        }

        return builder.ToString();
    }
}
