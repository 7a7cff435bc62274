using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using Signpost.OpeningHours;

namespace Signpost.Search.Sqlite;

/// <summary>Every filter but the point and the text, as SQL conditions on services <c>s</c>.</summary>
internal static class SqliteSearchFilters
{
    /// <summary>Whether the request filters on anything but status, point and text.</summary>
    public static bool Any(ServiceSearchRequest request) =>
        request.CategoryIds.Count > 0 || request.OpenAt is not null
        || request.Free is not null || request.Age is not null || request.Language is not null
        || request.OrganizationId is not null || request.TaxonomyId is not null || request.ModifiedAfter is not null
        || request.AvailableDuring is not null || request.AgesFrom is not null || request.AgesTo is not null;

    /// <summary>The WHERE conditions on services <c>s</c> for every filter but the point and text.</summary>
    public static string Where(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var filters = new List<string>();
        if (request.OpenAt is { } openAt)
        {
            // Only running services can be open; the schedule must recur on this day at this time.
            // "+" keeps the status index out of the plan: four values cannot narrow a search, and
            // without statistics SQLite would scan services by status instead of the R*Tree.
            filters.Add($"+s.status = '{ServiceStatusNames.Active}'");
            filters.Add(OpenAt(openAt, "s.id", parameters));
        }
        else
        {
            // Public results show running services, including those closed for a while, never inactive or defunct ones.
            filters.Add($"+s.status IN ('{ServiceStatusNames.Active}', '{ServiceStatusNames.TemporarilyClosed}')");
        }

        if (request.CategoryIds.Count > 0)
        {
            filters.Add(InCategories(request, "s.id", parameters));
        }

        if (request.Age is { } age)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @age) AND (s.maximum_age IS NULL OR s.maximum_age >= @age)");
            Add(parameters, "@age", age);
        }

        filters.AddRange(OnServiceOnly(request, parameters));
        return string.Join("\n      AND ", filters);
    }

    /// <summary>
    /// The filters for near-me candidates, which come from the R*Tree (listed services only, so status
    /// needs no test): open at, categories and age on the search facets <c>f</c>
    /// (<see cref="SqliteSearchFacets"/>), the rest on the service <c>s</c>; null when there are none.
    /// </summary>
    public static (string? OnFacets, string? OnService) ForCandidates(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var facets = new List<string>();
        if (request.OpenAt is { } openAt)
        {
            // The half-hour bits let through every service that may be open; the schedules are read
            // only where the bits are not exact, or on a bank holiday (when weekly schedules do not run).
            facets.Add($"f.active = 1 AND (f.{SqliteSearchFacets.DayColumns[openAt.DayCode]} >> @openSlot) & 1 = 1");
            facets.Add($"((f.open_exact = 1 AND @bankHoliday = 0) OR {OpenAt(openAt, ServiceIdOfFacets, parameters)})");
            Add(parameters, "@openSlot", HalfHour(openAt.Time));
        }

        if (request.CategoryIds.Count > 0)
        {
            // Categories beyond the bits (or unknown ones) are looked up the slow way.
            facets.Add($"""
                ((f.categories & (SELECT coalesce(sum(1 << bit), 0) FROM category_bits WHERE term_id IN (SELECT value FROM json_each(@categories)))) <> 0
                 OR ((SELECT count(*) FROM json_each(@categories) WHERE value NOT IN (SELECT term_id FROM category_bits)) > 0
                     AND {InCategories(request, ServiceIdOfFacets, parameters)}))
                """);
        }

        if (request.Age is { } age)
        {
            facets.Add("(f.minimum_age IS NULL OR f.minimum_age <= @age) AND (f.maximum_age IS NULL OR f.maximum_age >= @age)");
            Add(parameters, "@age", age);
        }

        var service = OnServiceOnly(request, parameters);
        return (facets.Count == 0 ? null : string.Join("\n  AND ", facets), service.Count == 0 ? null : string.Join("\n  AND ", service));
    }

    private const string ServiceIdOfFacets = "(SELECT id FROM services WHERE row_id = f.row_id)";

    /// <summary>The half hour of the day a "HH:mm" time falls in: 0 is 00:00–00:30.</summary>
    private static int HalfHour(string time) =>
        (int.Parse(time.AsSpan(0, 2), CultureInfo.InvariantCulture) * 60 + int.Parse(time.AsSpan(3, 2), CultureInfo.InvariantCulture)) / 30;

    private static string InCategories(ServiceSearchRequest request, string serviceId, List<SqliteParameter> parameters)
    {
        if (!parameters.Any(p => p.ParameterName == "@categories"))
        {
            Add(parameters, "@categories", JsonSerializer.Serialize(request.CategoryIds.Select(SqliteIds.ToText)));
        }

        return $"EXISTS (SELECT 1 FROM attributes a WHERE a.link_id = {serviceId} AND a.taxonomy_term_id IN (SELECT value FROM json_each(@categories)))";
    }

    /// <summary>Whether a schedule of the service recurs at this moment: on this day, at this time, within its dates.</summary>
    private static string OpenAt(OpenAtMoment openAt, string serviceId, List<SqliteParameter> parameters)
    {
        Add(parameters, "@openTime", openAt.Time);
        Add(parameters, "@openDate", openAt.Date);
        Add(parameters, "@weekMonday", openAt.WeekMonday);
        Add(parameters, "@bankHoliday", openAt.IsBankHoliday ? 1 : 0);
        Add(parameters, "@dayToken", $",{openAt.DayCode},");
        Add(parameters, "@nthToken", $",{openAt.NthDayCode},");
        Add(parameters, "@lastToken", openAt.LastDayCode is null ? null : $",{openAt.LastDayCode},");
        return $"""
            EXISTS (SELECT 1 FROM schedules sc
                WHERE sc.service_id = {serviceId}
                  AND sc.opens_at <= @openTime AND sc.closes_at > @openTime
                  AND (sc.valid_from IS NULL OR sc.valid_from <= @openDate)
                  AND (sc.valid_to IS NULL OR sc.valid_to >= @openDate)
                  AND (sc.dtstart IS NULL OR sc.dtstart <= @openDate)
                  AND (sc.until IS NULL OR sc.until >= @openDate)
                  AND (sc.freq = 'DAILY'
                    OR (@bankHoliday = 0 AND sc.freq = 'WEEKLY'
                        AND instr(',' || sc.byday || ',', @dayToken) > 0
                        AND (coalesce(sc.interval, 1) = 1
                          OR (sc.dtstart IS NOT NULL
                              AND (CAST(julianday(@weekMonday) - julianday(date(sc.dtstart, '-6 days', 'weekday 1')) AS INTEGER) / 7) % sc.interval = 0)))
                    OR (@bankHoliday = 0 AND sc.freq = 'MONTHLY'
                        AND (instr(',' || sc.byday || ',', @nthToken) > 0
                          OR (@lastToken IS NOT NULL AND instr(',' || sc.byday || ',', @lastToken) > 0)))))
            """;
    }

    /// <summary>The filters only the service and its other rows can answer.</summary>
    private static List<string> OnServiceOnly(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var filters = new List<string>();
        if (request.Free is { } free)
        {
            filters.Add((free ? "NOT " : "") + "EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND c.amount > 0)");
        }

        if (request.Language is { } language)
        {
            filters.Add("EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND (lg.code = @language COLLATE NOCASE OR lg.name = @language COLLATE NOCASE))");
            Add(parameters, "@language", language);
        }

        if (request.AgesFrom is { } agesFrom)
        {
            filters.Add("(s.maximum_age IS NULL OR s.maximum_age >= @agesFrom)");
            Add(parameters, "@agesFrom", agesFrom);
        }

        if (request.AgesTo is { } agesTo)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @agesTo)");
            Add(parameters, "@agesTo", agesTo);
        }

        if (request.OrganizationId is { } organizationId)
        {
            filters.Add("s.organization_id = @organizationId");
            Add(parameters, "@organizationId", SqliteIds.ToText(organizationId));
        }

        if (request.TaxonomyId is { } taxonomyId)
        {
            filters.Add("EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = s.id AND tt.taxonomy_id = @taxonomyId)");
            Add(parameters, "@taxonomyId", SqliteIds.ToText(taxonomyId));
        }

        if (request.ModifiedAfter is { } modifiedAfter)
        {
            // julianday reads the stored offset, so moments compare correctly whatever zone they were written in.
            filters.Add("julianday(s.last_modified) >= julianday(@modifiedAfter)");
            Add(parameters, "@modifiedAfter", modifiedAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        }

        if (request.AvailableDuring is { } window)
        {
            // "2TU" (monthly) and "TU" (weekly) both end in the day's code before the comma.
            filters.Add("""
                EXISTS (SELECT 1 FROM schedules sw
                    WHERE sw.service_id = s.id
                      AND (@windowDay IS NULL OR sw.freq = 'DAILY' OR instr(',' || sw.byday || ',', @windowDay || ',') > 0)
                      AND (@windowStart IS NULL OR sw.closes_at > @windowStart)
                      AND (@windowEnd IS NULL OR sw.opens_at < @windowEnd))
                """);
            Add(parameters, "@windowDay", window.DayCode);
            Add(parameters, "@windowStart", window.StartTime);
            Add(parameters, "@windowEnd", window.EndTime);
        }

        return filters;
    }

    private static void Add(List<SqliteParameter> parameters, string name, object? value) =>
        parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
}
