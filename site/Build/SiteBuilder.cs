using System.Diagnostics;
using Signpost.Site.Api;

namespace Signpost.Site;

/// <summary>What a build made, and how long each part took.</summary>
public sealed record BuildResult(BuildManifest Manifest, RenderSummary Render, IndexSummary Index, TimeSpan Fetch, TimeSpan RenderStep, TimeSpan TextIndex);

/// <summary>
/// Builds the whole site into one folder, step by step: fetch the directory, plan the pages,
/// render them, index their text, write the search index and the shortlist's details, copy the assets, write the sitemap and
/// feed, check the links. A build that fails any step throws <see cref="SiteBuildException"/>.
/// </summary>
public sealed class SiteBuilder(DirectoryApiClient api, SiteOptions options, BuildLog log)
{
    private static string SourceFolder(string name) => Path.Combine(AppContext.BaseDirectory, name);

    public async Task<BuildResult> BuildAsync(string outputFolder, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(outputFolder);

        log.Step("Fetching the directory from the API…");
        var reference = await api.ReferenceDataAsync(cancellationToken);
        var services = await api.AllServicesAsync((done, count) => log.Progress("fetched services:", done, count), cancellationToken);
        var fetch = total.Elapsed;

        var leaflet = MapLibrary.Find(options);
        var site = SiteModel.From(reference, services, options, MapSettings.For(options, leaflet));
        var pages = PlanPages.Run(site, SourceFolder("Content"));

        log.Step($"Rendering {pages.Count:N0} pages…");
        var render = Stopwatch.StartNew();
        var rendered = await RenderPages.RunAsync(pages, outputFolder, log, cancellationToken);
        render.Stop();

        log.Step("Indexing the pages for free-text search…");
        var textIndex = Stopwatch.StartNew();
        var textSearch = await IndexText.RunAsync(options, outputFolder, log, cancellationToken);
        textIndex.Stop();

        log.Step("Writing the search index, assets, sitemap and feed…");
        var index = WriteSearchIndex.Run(site, outputFolder, textSearch);
        WriteServiceDetails.Run(site, outputFolder);
        WritePlaceIndex.Run(Gazetteer.Read(SourceFolder(Path.Combine("data-seed", "geo", "uk-places.tsv"))), outputFolder);
        CopyAssets.Run(SourceFolder("assets"), outputFolder, log);
        WriteWidget.Run(options, outputFolder);
        if (site.Map is not null && leaflet is not null)
        {
            MapLibrary.Copy(leaflet, outputFolder);
        }
        else
        {
            log.Step("Maps are off: Leaflet is not installed (cd site && npm ci) or no map tile server is set.");
        }
        WriteSitemapAndFeed.Run(site, pages, outputFolder);

        log.Step("Checking every internal link…");
        var broken = CheckLinks.Run(outputFolder);
        if (broken.Count > 0)
        {
            throw new SiteBuildException($"{broken.Count} internal links do not resolve, e.g. {string.Join("; ", broken.Take(5))}");
        }

        var manifest = new BuildManifest(site.Services.Count, site.Organizations.Count, pages.Count);
        manifest.Write(outputFolder);
        log.Step($"Built {pages.Count:N0} pages for {site.Services.Count:N0} services in {total.Elapsed.TotalSeconds:0.0} s " +
                 $"(rendering: {rendered.RenderedPagesPerSecond:N0} pages/s; rendering and writing: {pages.Count / render.Elapsed.TotalSeconds:N0} pages/s).");
        return new BuildResult(manifest, rendered, index, fetch, render.Elapsed, textIndex.Elapsed);
    }
}
