using System.Text;
using Markdig;
using Signpost.Site.Pages;
using Signpost.Site.Pages.Developers;

namespace Signpost.Site;

/// <summary>A page to render: where it goes, which component, with what.</summary>
public sealed record PagePlan(string Url, Type Component, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>Step 2: every page the site has, from the site model and the Markdown in Content/.</summary>
public static class PlanPages
{
    public static IReadOnlyList<PagePlan> Run(SiteModel site, string contentFolder)
    {
        var pages = new List<PagePlan>
        {
            Page<HomePage>(SiteUrls.Home, site),
            Page<SearchPage>(SiteUrls.Search, site),
            Page<CategoryIndexPage>(SiteUrls.Categories, site),
            Page<AreaIndexPage>(SiteUrls.Areas, site),
            Page<NotFoundPage>("/404.html", site),
            Page<ListServicePage>(SiteUrls.ListYourService, site),
            Page<SuggestChangePage>(SiteUrls.SuggestChange, site),
            Page<ReportProblemPage>(SiteUrls.ReportProblem, site),
            Page<ClaimListingPage>(SiteUrls.ClaimListing, site),
            Page<ShortlistPage>(SiteUrls.Shortlist, site),
            Page<SubmissionStatusPage>(SiteUrls.SubmissionStatus, site),
            Page<DevelopersPage>(DevelopersPage.Url, site),
        };

        var organizations = site.Organizations.ToDictionary(o => o.Organization.Id, StringComparer.Ordinal);
        pages.AddRange(site.Services.Select(s => Page<ServicePage>(s.Url, site, ("Entry", s), ("Organization", organizations[s.Service.Organization.Id]))));
        pages.AddRange(site.Organizations.Select(o => Page<OrganizationPage>(o.Url, site, ("Entry", o))));
        foreach (var category in site.Categories)
        {
            pages.AddRange(Listing(category.Services.Count, site).Select(n => Page<CategoryPage>(SiteUrls.Paged(category.Url, n), site, ("Entry", category), ("Page", n))));
        }

        foreach (var area in site.Areas)
        {
            pages.AddRange(Listing(area.ListedCount, site).Select(n => Page<AreaPage>(SiteUrls.Paged(area.Url, n), site, ("Entry", area), ("Page", n))));
        }

        foreach (var need in site.AreaNeeds)
        {
            pages.AddRange(Listing(need.Listing.ListedCount, site).Select(n => Page<AreaPage>(SiteUrls.Paged(need.Listing.Url, n), site,
                ("Entry", need.Listing), ("Page", n), ("Need", need.Need), ("WholeTown", need.Town))));
        }

        pages.AddRange(DistrictPages(site));
        pages.AddRange(ContentPages(site, contentFolder));

        var clash = pages.GroupBy(p => p.Url, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new SiteBuildException($"Two pages want the address {clash.Key}.");
        }

        return pages;
    }

    /// <summary>The postcode areas A to Z, each area's districts, and each district's nearest services.</summary>
    private static IEnumerable<PagePlan> DistrictPages(SiteModel site)
    {
        if (site.Districts.Count == 0)
        {
            yield break;
        }

        yield return Page<PostcodeIndexPage>(SiteUrls.Postcodes, site);
        foreach (var area in site.Districts.GroupBy(d => d.Area, StringComparer.Ordinal))
        {
            var districts = area.OrderBy(d => d.Number).ThenBy(d => d.Outcode, StringComparer.Ordinal).ToList();
            yield return Page<PostcodeAreaPage>(SiteUrls.PostcodeArea(area.Key), site, ("Area", area.Key), ("Districts", districts));
        }

        foreach (var district in site.Districts)
        {
            yield return Page<DistrictPage>(district.Url, site, ("Entry", district));
        }
    }

    /// <summary>Content/*.md: the first line is "# Title", the second paragraph the description.</summary>
    private static IEnumerable<PagePlan> ContentPages(SiteModel site, string contentFolder)
    {
        var markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        foreach (var file in Directory.GetFiles(contentFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file, Encoding.UTF8).ReplaceLineEndings("\n");
            var lines = text.Split('\n');
            var title = lines[0].StartsWith("# ", StringComparison.Ordinal)
                ? lines[0][2..].Trim()
                : throw new SiteBuildException($"{Path.GetFileName(file)} must start with a '# Title' line.");
            var description = lines.Skip(1).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? title;
            var url = SiteUrls.Content(Path.GetFileNameWithoutExtension(file));
            yield return Page<ContentPage>(url, site, ("Title", title), ("Path", url), ("Description", Text.Summary(description, 160)),
                ("Html", Markdown.ToHtml(text, markdown)));
        }
    }

    private static IEnumerable<int> Listing(int count, SiteModel site) =>
        Enumerable.Range(1, Math.Max(1, (count + site.Options.ListingPageSize - 1) / site.Options.ListingPageSize));

    private static PagePlan Page<T>(string url, SiteModel site, params (string Name, object? Value)[] parameters) =>
        new(url, typeof(T), parameters.Append((Name: "Site", Value: (object?)site)).ToDictionary(p => p.Name, p => p.Value));
}
