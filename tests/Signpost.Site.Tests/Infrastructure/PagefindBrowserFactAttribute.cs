namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// A browser test of search by words: it needs Chromium and Pagefind (npm, so Node.js:
/// cd site &amp;&amp; npm ci). Skipped with the reason where either is missing, except in CI
/// (CI=true), where .ci/run installs both and the test must run.
/// </summary>
public sealed class PagefindBrowserFactAttribute : FactAttribute
{
    public PagefindBrowserFactAttribute()
    {
        // Chromium first, with the same rule (and reason) as every browser test.
        Skip = new BrowserFactAttribute().Skip;
        if (Skip is null && IndexText.Find() is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Search by words needs Pagefind, installed with Node.js: cd site && npm ci (.ci/run does this).";
        }
    }
}
