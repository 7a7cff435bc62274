using System.Globalization;
using System.Text;

namespace Signpost.Site;

/// <summary>
/// Where each page lives. Addresses are folders ("/services/name-1a2b3c4d/") so any static host
/// serves them as index.html; ids keep them unique and stable when a name is shared or changes.
/// </summary>
public static class SiteUrls
{
    public const string Home = "/";
    public const string Search = "/search/";
    public const string Categories = "/categories/";
    public const string Areas = "/areas/";
    public const string Feed = "/feed.xml";
    public const string ListYourService = "/list-your-service/";
    public const string SuggestChange = "/suggest-a-change/";
    public const string ReportProblem = "/report-a-problem/";
    public const string ClaimListing = "/claim-this-listing/";
    public const string Shortlist = "/shortlist/";
    public const string SubmissionStatus = "/submissions/status/";

    /// <summary>A form about one listing: the page reads the service's id from the address.</summary>
    public static string About(string form, string serviceId) => $"{form}?service={serviceId}";

    public static string Service(string name, string id) => $"/services/{Slug(name)}-{ShortId(id)}/";

    public static string Organization(string name, string id) => $"/organisations/{Slug(name)}-{ShortId(id)}/";

    public static string Category(string code) => $"/categories/{Slug(code)}/";

    public static string Area(string town) => $"/areas/{Slug(town)}/";

    /// <summary>A town's services for one need.</summary>
    public static string AreaNeed(string town, string categoryCode) => $"{Area(town)}{Slug(categoryCode)}/";

    /// <summary>Every postcode area, A to Z: the way in to the district pages without JavaScript.</summary>
    public const string Postcodes = "/postcodes/";

    /// <summary>The districts of one postcode area ("EX").</summary>
    public static string PostcodeArea(string area) => $"/postcodes/{Slug(area)}/";

    /// <summary>The services nearest one postcode district ("EX10").</summary>
    public static string District(string outcode) => $"/postcodes/{Slug(outcode)}/";

    public static string Content(string name) => $"/{Slug(name)}/";

    /// <summary>Page <paramref name="page"/> (1-based) of a listing that is split into pages.</summary>
    public static string Paged(string url, int page) => page <= 1 ? url : $"{url}page-{page}/";

    /// <summary>The file a page address is written to, relative to the output folder.</summary>
    public static string FileFor(string url) =>
        url.EndsWith('/') ? Path.Combine(url.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Append("index.html").ToArray())
                          : Path.Combine(url.Trim('/').Split('/'));

    /// <summary>Lower-case ASCII words joined by hyphens: "Carers' Café (Sidmouth)" → "carers-cafe-sidmouth".</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 60)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }

    private static string ShortId(string id) => id.Replace("-", "", StringComparison.Ordinal)[..8].ToLowerInvariant();
}
