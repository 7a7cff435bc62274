namespace Signpost.Tests.Infrastructure;

/// <summary>Submission inputs as a community group's form would send them.</summary>
public static class Listings
{
    /// <summary>A complete, valid new listing in Sidford (EX10), named so text search can find it.</summary>
    public static Dictionary<string, object?> KnitAndNatter(string name) => new()
    {
        ["organization"] = new { name = "Sidford Community Hall Trust", website = "https://sidfordhall.example.org", phone = "01395 000111" },
        ["name"] = name,
        ["description"] = "A friendly weekly knitting and chat group for anyone who would like company. Tea and biscuits provided.",
        ["url"] = "https://sidfordhall.example.org/knit",
        ["email"] = "knit@sidfordhall.example.org",
        ["phone"] = "01395 000112",
        ["eligibilityDescription"] = "Adults of any age; beginners welcome.",
        ["applicationProcess"] = "Just come along.",
        ["minimumAge"] = 18,
        ["isFree"] = true,
        ["categories"] = new[] { "befriending", "community-groups" },
        ["languages"] = new[] { "English" },
        ["locations"] = new[] { new { name = "Sidford Village Hall", address1 = "Byes Lane", city = "Sidford", county = "Devon", postcode = "EX10 9QX" } },
        ["schedules"] = new[] { new { freq = "WEEKLY", byDay = "TH", opensAt = "14:00", closesAt = "16:00" } },
        ["contacts"] = new[] { new { name = "Pat Example", title = "Organiser", phone = "07700 900123" } },
        ["submitter"] = new { name = "Pat Example", email = "pat.private@example.org" },
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> input, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(input) { [field] = value };
        return copy;
    }
}
