namespace Signpost.Site;

/// <summary>Step 6: the stylesheets and the one small script, from the site's assets/ folder.</summary>
public static class CopyAssets
{
    public static void Run(string assetsFolder, string outputFolder)
    {
        foreach (var file in Directory.GetFiles(assetsFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(outputFolder, "assets", Path.GetRelativePath(assetsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
