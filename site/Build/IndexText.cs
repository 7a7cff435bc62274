using System.Diagnostics;

namespace Signpost.Site;

/// <summary>
/// Step 4: free-text search ("dementia café") with Pagefind, which indexes the written service
/// pages into static files the browser searches. Pagefind comes from npm, so it needs Node.js at
/// build time (cd site &amp;&amp; npm ci); without it the site is built without text search and the
/// search page offers only place and need.
/// </summary>
public static class IndexText
{
    public const string Folder = "pagefind";

    /// <summary>True when the text index was written.</summary>
    public static async Task<bool> RunAsync(SiteOptions options, string outputFolder, BuildLog log, CancellationToken cancellationToken)
    {
        var pagefind = options.Pagefind is { Length: > 0 } given ? given : Find();
        if (pagefind is null || !File.Exists(pagefind))
        {
            log.Step("Free-text search is off: Pagefind is not installed (it needs Node.js: cd site && npm ci).");
            return false;
        }

        var start = new ProcessStartInfo(pagefind)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--site", outputFolder, "--output-subdir", Folder, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new SiteBuildException($"Could not start Pagefind ({pagefind}).");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new SiteBuildException($"Pagefind failed (exit {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}");
        }

        return true;
    }

    /// <summary>site/node_modules/.bin/pagefind, looked for from the app's folder and the working folder upwards.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "node_modules", ".bin", "pagefind"), Path.Combine(dir.FullName, "site", "node_modules", ".bin", "pagefind") })
                {
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }
}
