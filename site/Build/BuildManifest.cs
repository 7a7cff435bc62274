using System.Text.Json;

namespace Signpost.Site;

/// <summary>
/// build.json in every published site: what the next build compares itself with. It holds no
/// time, so an unchanged directory gives an unchanged file.
/// </summary>
public sealed record BuildManifest(int Services, int Organizations, int Pages)
{
    public const string FileName = "build.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The manifest of the site in <paramref name="folder"/>, or null when there is none yet.</summary>
    public static BuildManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<BuildManifest>(File.ReadAllText(path), Json) : null;
    }
}
