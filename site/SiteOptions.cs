using System.ComponentModel.DataAnnotations;

namespace Signpost.Site;

/// <summary>How to build and publish the site; bound from the command line and SIGNPOST_SITE__* variables.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The GraphQL endpoint to read, e.g. https://api.example.org/graphql. Empty: the embedded directory.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>The folder the published site lives in; builds are staged beside it and swapped in.</summary>
    [Required]
    public string Output { get; set; } = "output";

    /// <summary>The public address of the site, for the sitemap, feed and canonical links.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080/";

    /// <summary>The site's name, shown in every page's header and title.</summary>
    [Required, StringLength(60, MinimumLength = 1)]
    public string Name { get; set; } = "Signpost";

    /// <summary>Where "suggest a change" and "report a problem" are sent.</summary>
    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "listings@signpost.example.org";

    /// <summary>
    /// The GraphQL endpoint the site's forms (list your service, suggest a change, report a problem)
    /// post to from the browser. Empty: the --api address, or "/graphql" on the same site when built
    /// from the embedded directory. The API answers every origin (its embedding rules).
    /// </summary>
    public string? FormsEndpoint { get; set; }

    /// <summary>Refuse to publish when the service count falls by more than this share since the last published build.</summary>
    [Range(0.0, 1.0)]
    public double MaxServiceDrop { get; set; } = 0.2;

    /// <summary>Publish even when the service count has fallen by more than <see cref="MaxServiceDrop"/>.</summary>
    public bool Force { get; set; }

    /// <summary>Services listed on each page of a category or area.</summary>
    [Range(10, 500)]
    public int ListingPageSize { get; set; } = 50;

    /// <summary>A search index tile is split in four when it is bigger than this, so a search downloads little.</summary>
    [Range(4_000, 1_000_000)]
    public int MaxTileBytes { get; set; } = 48_000;

    /// <summary>The Pagefind executable for free-text search; empty: site/node_modules/.bin/pagefind when installed.</summary>
    public string? Pagefind { get; set; }

    /// <summary>The directory's own helpline, shown in a "Need to talk to someone?" box; with <see cref="HelplinePhone"/>, or neither.</summary>
    [StringLength(80)]
    public string? HelplineName { get; set; }

    /// <summary>The helpline's number as people dial it, e.g. 0300 123 4567; shown as a tel: link.</summary>
    [StringLength(30), RegularExpression(@"^\+?[0-9][0-9 ()-]{2,28}$", ErrorMessage = "must be a phone number: digits, spaces, brackets or dashes, optionally after +")]
    public string? HelplinePhone { get; set; }

    /// <summary>When the helpline answers, e.g. "Monday to Friday, 9am to 5pm".</summary>
    [StringLength(120)]
    public string? HelplineHours { get; set; }

    /// <summary>
    /// The map picture (tile) server for "Show on a map", with {z}, {x} and {y}. Nothing is fetched
    /// from it until a resident asks for the map. Empty: no map is offered.
    /// </summary>
    [StringLength(300)]
    public string? MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The credit the tile server asks for, shown on the map (as text).</summary>
    [StringLength(200)]
    public string MapAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Who serves the map pictures, named beside the toggle so residents know who will see the area they look at.</summary>
    [StringLength(60)]
    public string MapProviderName { get; set; } = "OpenStreetMap";

    /// <summary>Leaflet's dist folder for the map; empty: site/node_modules/leaflet/dist when installed. Without it no map is offered.</summary>
    public string? Leaflet { get; set; }

    /// <summary>True when the helpline box is shown: it needs a name and a number.</summary>
    public bool HasHelpline => !string.IsNullOrWhiteSpace(HelplineName) && !string.IsNullOrWhiteSpace(HelplinePhone);

    /// <summary>The port of the preview server (serve) and of the embedded directory.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>The day the build counts from (listings not checked for a year before it say so); empty: today in the UK. Set it for a build that gives the same bytes on any day.</summary>
    public DateOnly? Today { get; set; }

    public string EffectiveFormsEndpoint => FormsEndpoint is { Length: > 0 } forms ? forms : ApiUrl is { Length: > 0 } api ? api : "/graphql";

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    /// <summary>The options, or every problem with them, field by field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var problems = results.Select(r => $"{string.Join(", ", r.MemberNames.Select(m => "--" + Kebab(m)))}: {r.ErrorMessage}").ToList();
        if (ApiUrl is { Length: > 0 } && (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https")))
        {
            problems.Add($"--api: '{ApiUrl}' is not an http(s) address of a GraphQL endpoint");
        }

        if (string.IsNullOrWhiteSpace(HelplineName) != string.IsNullOrWhiteSpace(HelplinePhone))
        {
            problems.Add("--helpline-name, --helpline-phone: give both the helpline's name and its number, or neither");
        }

        if (!string.IsNullOrWhiteSpace(HelplineHours) && !HasHelpline)
        {
            problems.Add("--helpline-hours: needs --helpline-name and --helpline-phone");
        }

        if (MapTileUrl is { Length: > 0 } tiles && !MapTiles.IsValidTemplate(tiles))
        {
            problems.Add($"--map-tile-url: '{tiles}' must be an http(s) address with {{z}}, {{x}} and {{y}}, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png");
        }

        return problems;
    }

    private static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
