using System.Text.Json.Nodes;
using Signpost.Site.Pages;

namespace Signpost.Site;

/// <summary>
/// Step 5b: a small JSON file of each service's contact details, <c>index/services/{id}.json</c>,
/// for the shortlist page, which lists services the resident chose in their own browser. The
/// files are the same for everyone, so fetching one tells a server nothing about the resident.
/// Keys: n name, o organisation, u the page's full address, p phone, a addresses, h opening
/// hours in words, x temporarily closed.
/// </summary>
public static class WriteServiceDetails
{
    public static string Path(string id) => $"/index/services/{id}.json";

    public static void Run(SiteModel site, string outputFolder)
    {
        var folder = System.IO.Path.Combine(outputFolder, "index", "services");
        Directory.CreateDirectory(folder);
        foreach (var entry in site.Services)
        {
            var s = entry.Service;
            var o = new JsonObject
            {
                ["n"] = s.Name,
                ["o"] = s.Organization.Name,
                ["u"] = new Uri(site.Options.BaseUri, entry.Url.TrimStart('/')).ToString(),
            };
            if (ResultFacts.Phone(s) is { } phone)
            {
                o["p"] = phone;
            }

            var addresses = ResultFacts.Addresses(s);
            if (addresses.Count > 0)
            {
                o["a"] = new JsonArray(addresses.Select(a => (JsonNode)a).ToArray());
            }

            if (s.Schedules.Count > 0)
            {
                o["h"] = new JsonArray(s.Schedules.Select(h => (JsonNode)h.Text).ToArray());
            }

            if (s.IsTemporarilyClosed)
            {
                o["x"] = 1;
            }

            File.WriteAllText(System.IO.Path.Combine(folder, s.Id + ".json"), o.ToJsonString());
        }
    }
}
