namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// A browser test of the map: it needs Chromium and Leaflet (npm: cd site &amp;&amp; npm ci). Skipped
/// with the reason where either is missing, except in CI (CI=true), where .ci/run installs both.
/// </summary>
public sealed class MapBrowserFactAttribute : FactAttribute
{
    public MapBrowserFactAttribute()
    {
        Skip = new BrowserFactAttribute().Skip;
        if (Skip is null && MapLibrary.Find(new SiteOptions()) is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "The map needs Leaflet, installed with Node.js: cd site && npm ci (.ci/run does this).";
        }
    }
}
