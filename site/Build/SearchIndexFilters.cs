using System.Text.Json.Nodes;
using Signpost.Site.Api;

namespace Signpost.Site;

/// <summary>
/// The short fields of a service's index entry that the search form's filters read, with the
/// API's rules for the same filters:
/// <list type="bullet">
/// <item><c>g</c>: [minimum age, maximum age] (either may be null), left out when the service
/// takes every age. A service suits an age within its range; an unset end does not limit it.</item>
/// <item><c>la</c>: the languages spoken (<see cref="LanguageKey"/>), left out when that is
/// English alone, as for most services.</item>
/// </list>
/// Free services are <c>f</c> already (no cost option with a price above zero).
/// </summary>
public static class SearchIndexFilters
{
    public static void Add(JsonObject entry, Service service)
    {
        if (service.MinimumAge is not null || service.MaximumAge is not null)
        {
            entry["g"] = new JsonArray(service.MinimumAge, service.MaximumAge);
        }

        var languages = service.Languages.Select(LanguageKey).Distinct(StringComparer.Ordinal).ToList();
        if (languages is not ["en"])
        {
            entry["la"] = new JsonArray(languages.Select(l => (JsonNode)l).ToArray());
        }
    }

    /// <summary>A language as the index and the form name it: its code, or its name when it has none, in lower case.</summary>
    public static string LanguageKey(Language language) =>
        (string.IsNullOrWhiteSpace(language.Code) ? language.Name : language.Code).Trim().ToLowerInvariant();
}
