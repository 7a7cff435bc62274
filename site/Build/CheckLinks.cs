using System.Text.RegularExpressions;

namespace Signpost.Site;

/// <summary>Step 8: every internal link and asset in every page resolves to a file in the output.</summary>
public static partial class CheckLinks
{
    /// <summary>The broken links, as "page → target"; empty when all resolve.</summary>
    public static IReadOnlyList<string> Run(string outputFolder)
    {
        var broken = new List<string>();
        foreach (var page in Directory.EnumerateFiles(outputFolder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(page);
            foreach (Match match in Reference().Matches(html))
            {
                var target = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value);
                if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal))
                {
                    continue; // external, mailto:, tel: or an in-page fragment
                }

                var path = target.Split('#', '?')[0];
                if (!File.Exists(Path.Combine(outputFolder, SiteUrls.FileFor(path == "/" ? "/" : path))))
                {
                    broken.Add($"{Path.GetRelativePath(outputFolder, page)} → {target}");
                }
            }
        }

        return broken;
    }

    [GeneratedRegex("""(?:href|src|action)="(?<url>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Reference();
}
