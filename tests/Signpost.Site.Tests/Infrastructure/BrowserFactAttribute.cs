namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// A test that drives Debian's Chromium (/usr/bin/chromium). Where it is not installed the test is
/// skipped with the reason, except in CI (CI=true), where .ci/run installs it and the test must run.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Browser tests need Chromium at {Chromium} (Debian package 'chromium'; .ci/run installs it). Install it to run them.";
        }
    }
}
