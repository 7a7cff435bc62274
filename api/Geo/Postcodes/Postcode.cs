using System.Text.RegularExpressions;

namespace Signpost.Geo.Postcodes;

/// <summary>
/// A UK postcode in canonical form ("EX10 8XX"), or just its district ("EX10").
/// Accepts any spacing and case: "ex108xx", " EX10  8XX ".
/// </summary>
public sealed partial record Postcode(string Outcode, string? Incode)
{
    public override string ToString() => Incode is null ? Outcode : $"{Outcode} {Incode}";

    public static bool TryParse(string? input, out Postcode? postcode)
    {
        postcode = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 16)
        {
            return false;
        }

        var compact = WhiteSpace().Replace(input, "").ToUpperInvariant();
        var match = FullPostcode().Match(compact);
        if (match.Success)
        {
            postcode = new Postcode(match.Groups["out"].Value, match.Groups["in"].Value);
            return true;
        }

        if (OutcodeOnly().IsMatch(compact))
        {
            postcode = new Postcode(compact, null);
            return true;
        }

        return false;
    }

    // Outward code: area (1-2 letters) + district (digit, then optional digit or letter).
    // Inward code: sector digit + unit letters (never C, I, K, M, O, V).
    [GeneratedRegex(@"^(?<out>[A-Z]{1,2}[0-9][0-9A-Z]?)(?<in>[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    private static partial Regex OutcodeOnly();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
