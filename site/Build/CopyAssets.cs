using NUglify;

namespace Signpost.Site;

/// <summary>
/// Step 6: the stylesheets and scripts from the site's assets/ folder, minified on the way (a
/// search page's own CSS and scripts came to 51 KB as written, 29 KB minified, which keeps every
/// page under its 60 KB budget). A file the minifier cannot read is copied as it is.
/// </summary>
public static class CopyAssets
{
    public static void Run(string assetsFolder, string outputFolder, BuildLog? log = null)
    {
        foreach (var file in Directory.GetFiles(assetsFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(outputFolder, "assets", Path.GetRelativePath(assetsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            UglifyResult? minified = Path.GetExtension(file) switch
            {
                ".js" => Uglify.Js(File.ReadAllText(file)),
                ".css" => Uglify.Css(File.ReadAllText(file)),
                _ => null,
            };
            if (minified is { HasErrors: false, Code: { } code })
            {
                File.WriteAllText(target, code);
            }
            else
            {
                if (minified is not null)
                {
                    log?.Step($"{Path.GetFileName(file)} is copied unminified: {minified.Value.Errors.First()}");
                }

                File.Copy(file, target, overwrite: true);
            }
        }
    }
}
