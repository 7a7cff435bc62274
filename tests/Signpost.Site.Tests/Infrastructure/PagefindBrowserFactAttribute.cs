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
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            Skip = $"Browser tests need Chromium at {BrowserFactAttribute.Chromium} (Debian package 'chromium'; .ci/run installs it).";
        }
        else if (IndexText.Find() is null)
        {
            Skip = "Search by words needs Pagefind, installed with Node.js: cd site && npm ci (.ci/run does this).";
        }
    }
}
