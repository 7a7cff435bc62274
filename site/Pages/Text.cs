using System.Globalization;
using System.Text.RegularExpressions;
using Signpost.Site.Api;

namespace Signpost.Site.Pages;

/// <summary>Plain-English wording, and the only ways a value from the API becomes a link.</summary>
public static partial class Text
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Summary(string text, int length)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return flat[..(cut > length / 2 ? cut : length)] + "…";
    }

    public static string Ages(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null or 0, null) => "All ages",
        (null or 0, { } max) => $"Up to {max}",
        ({ } min, null) => $"{min} and over",
        ({ } min, { } max) => $"{min} to {max}",
    };

    private static readonly HashSet<string> JustFree = new(["free", "no charge", "free of charge"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// What a service costs, said once: "Free" for a free service, then the listing's own words on
    /// cost, or, when it has none, its cost options' (the two usually say the same thing twice).
    /// </summary>
    public static IReadOnlyList<string> Costs(Service service)
    {
        static IEnumerable<string> Meaningful(IEnumerable<string?> costs) =>
            costs.OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0 && !JustFree.Contains(c.TrimEnd('.'))).Distinct(StringComparer.OrdinalIgnoreCase);
        var fees = Meaningful([service.FeesDescription]).ToList();
        var said = fees.Count > 0 ? fees : Meaningful(service.CostOptions.Select(Cost));
        var costs = (service.IsFree ? said.Prepend("Free") : said).ToList();
        return costs.Count > 0 ? costs : ["Ask the service"];
    }

    private static string? Cost(CostOption cost) =>
        cost.AmountDescription ?? (cost.Amount is { } amount and > 0
            ? $"£{amount.ToString("0.00", British)}{(cost.Option is { Length: > 0 } ? " " + cost.Option.ToLowerInvariant() : "")}"
            : null);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", British);

    /// <summary>An http(s) address as given, or null: other schemes (javascript:, data:) never become links.</summary>
    public static string? SafeWebUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;

    public static string DisplayUrl(string url) => url.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal).TrimEnd('/');

    public static string? SafeEmail(string? email) => email is not null && EmailShape().IsMatch(email) ? email : null;

    /// <summary>A tel: link of digits (and a leading +) only, whatever the number's text holds; null when it holds no number.</summary>
    public static string? TelHref(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 3 ? null : "tel:" + (number.TrimStart().StartsWith('+') ? "+" : "") + digits;
    }

    public static string MapLink(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.#####", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.#####", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }

    public static string Mailto(string to, string subject) => $"mailto:{to}?subject={Uri.EscapeDataString(subject)}";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[^@\s<>""'()\\,;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailShape();
}
