namespace Signpost.Site;

/// <summary>
/// Leaflet, which draws the map a resident may ask for. It comes from npm (cd site &amp;&amp; npm ci),
/// like Pagefind; without it the site is built without maps and no page offers one. Its files are
/// copied to /assets/leaflet/, and a page fetches them only when the resident presses "Show on a map".
/// </summary>
public static class MapLibrary
{
    public const string Folder = "assets/leaflet";

    private static readonly string[] Files = ["leaflet.js", "leaflet.css"];

    /// <summary>Leaflet's dist folder: the --leaflet option, or site/node_modules/leaflet/dist when installed; null without it.</summary>
    public static string? Find(SiteOptions options)
    {
        if (options.Leaflet is { Length: > 0 } given)
        {
            return Holds(given) ? given : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "node_modules", "leaflet", "dist"), Path.Combine(dir.FullName, "site", "node_modules", "leaflet", "dist") })
                {
                    if (Holds(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Copies the script, its stylesheet, its images and licence into the output.</summary>
    public static void Copy(string distFolder, string outputFolder)
    {
        var target = Path.Combine(outputFolder, Folder);
        Directory.CreateDirectory(Path.Combine(target, "images"));
        foreach (var file in Files)
        {
            File.Copy(Path.Combine(distFolder, file), Path.Combine(target, file), overwrite: true);
        }

        foreach (var image in Directory.GetFiles(Path.Combine(distFolder, "images")).Order(StringComparer.Ordinal))
        {
            File.Copy(image, Path.Combine(target, "images", Path.GetFileName(image)), overwrite: true);
        }

        var licence = Path.Combine(distFolder, "..", "LICENSE");
        if (File.Exists(licence))
        {
            File.Copy(licence, Path.Combine(target, "LICENSE.txt"), overwrite: true);
        }
    }

    private static bool Holds(string folder) => Files.All(f => File.Exists(Path.Combine(folder, f))) && Directory.Exists(Path.Combine(folder, "images"));
}
