using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Signpost.OpeningHours;

namespace Signpost.Search.SqlServer;

/// <summary>
/// Every filter but the point and the text, as T-SQL conditions on services <c>s</c>: the same rules
/// as <see cref="Sqlite.SqliteSearchFilters"/>. The database collation is case-insensitive, so names
/// and language codes compare ignoring case without a COLLATE clause.
/// </summary>
public static class SqlServerSearchFilters
{
    /// <summary>Whether the request filters on anything but status, point and text.</summary>
    public static bool Any(ServiceSearchRequest request) =>
        request.CategoryIds.Count > 0 || request.OpenAt is not null
        || request.Free is not null || request.Age is not null || request.Language is not null
        || request.OrganizationId is not null || request.TaxonomyId is not null || request.ModifiedAfter is not null
        || request.AvailableDuring is not null || request.AgesFrom is not null || request.AgesTo is not null;

    /// <summary>The WHERE conditions on services <c>s</c> for every filter but the point and text.</summary>
    public static string Where(ServiceSearchRequest request, List<SqlParameter> parameters)
    {
        var filters = new List<string>();
        if (request.OpenAt is { } openAt)
        {
            // Only running services can be open; the schedule must recur on this day at this time.
            filters.Add($"s.status = N'{ServiceStatusNames.Active}'");
            filters.Add(OpenAt(openAt, parameters));
        }
        else
        {
            // Public results show running services, including those closed for a while, never inactive or defunct ones.
            filters.Add($"s.status IN (N'{ServiceStatusNames.Active}', N'{ServiceStatusNames.TemporarilyClosed}')");
        }

        if (request.CategoryIds.Count > 0)
        {
            SqlServerParameters.Add(parameters, "@categories", SqlDbType.NVarChar, JsonSerializer.Serialize(request.CategoryIds), -1);
            filters.Add("""
                EXISTS (SELECT 1 FROM attributes a
                    WHERE a.link_id = s.id
                      AND a.taxonomy_term_id IN (SELECT jc.id FROM OPENJSON(@categories) WITH (id uniqueidentifier '$') jc))
                """);
        }

        if (request.Age is { } age)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @age) AND (s.maximum_age IS NULL OR s.maximum_age >= @age)");
            SqlServerParameters.Add(parameters, "@age", SqlDbType.Int, age);
        }

        if (request.Free is { } free)
        {
            filters.Add((free ? "NOT " : "") + "EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND c.amount > 0)");
        }

        if (request.Language is { } language)
        {
            filters.Add("EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND (lg.code = @language OR lg.name = @language))");
            SqlServerParameters.Add(parameters, "@language", SqlDbType.NVarChar, language, 4000);
        }

        if (request.AgesFrom is { } agesFrom)
        {
            filters.Add("(s.maximum_age IS NULL OR s.maximum_age >= @agesFrom)");
            SqlServerParameters.Add(parameters, "@agesFrom", SqlDbType.Int, agesFrom);
        }

        if (request.AgesTo is { } agesTo)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @agesTo)");
            SqlServerParameters.Add(parameters, "@agesTo", SqlDbType.Int, agesTo);
        }

        if (request.OrganizationId is { } organizationId)
        {
            filters.Add("s.organization_id = @organizationId");
            SqlServerParameters.Add(parameters, "@organizationId", SqlDbType.UniqueIdentifier, organizationId);
        }

        if (request.TaxonomyId is { } taxonomyId)
        {
            filters.Add("EXISTS (SELECT 1 FROM attributes ta JOIN taxonomy_terms tt ON tt.id = ta.taxonomy_term_id WHERE ta.link_id = s.id AND tt.taxonomy_id = @taxonomyId)");
            SqlServerParameters.Add(parameters, "@taxonomyId", SqlDbType.UniqueIdentifier, taxonomyId);
        }

        if (request.ModifiedAfter is { } modifiedAfter)
        {
            // datetimeoffset compares the instants, whatever offset each was written with.
            filters.Add("s.last_modified >= @modifiedAfter");
            SqlServerParameters.Add(parameters, "@modifiedAfter", SqlDbType.DateTimeOffset, modifiedAfter);
        }

        if (request.AvailableDuring is { } window)
        {
            filters.Add(AvailableDuring(window, parameters));
        }

        return string.Join("\n  AND ", filters);
    }

    /// <summary>Whether a schedule of the service recurs at this moment: on this day, at this time, within its dates.</summary>
    private static string OpenAt(OpenAtMoment openAt, List<SqlParameter> parameters)
    {
        SqlServerParameters.Add(parameters, "@openTime", SqlDbType.NVarChar, openAt.Time, 5);
        SqlServerParameters.Add(parameters, "@openDate", SqlDbType.Date, Date(openAt.Date));
        SqlServerParameters.Add(parameters, "@weekMonday", SqlDbType.Date, Date(openAt.WeekMonday));
        SqlServerParameters.Add(parameters, "@bankHoliday", SqlDbType.Bit, openAt.IsBankHoliday);
        SqlServerParameters.Add(parameters, "@dayToken", SqlDbType.NVarChar, $",{openAt.DayCode},", 16);
        SqlServerParameters.Add(parameters, "@nthToken", SqlDbType.NVarChar, $",{openAt.NthDayCode},", 16);
        SqlServerParameters.Add(parameters, "@lastToken", SqlDbType.NVarChar, openAt.LastDayCode is null ? null : $",{openAt.LastDayCode},", 16);

        // A weekly schedule every n weeks runs in the weeks a multiple of n after the week of its
        // start: weeks counted Monday to Monday (1900-01-01 was a Monday), as SQLite's
        // date(dtstart, '-6 days', 'weekday 1'). NULLIF: an interval of 0 matches nothing, as in
        // SQLite, instead of dividing by zero.
        return """
            EXISTS (SELECT 1 FROM schedules sc
                WHERE sc.service_id = s.id
                  AND sc.opens_at <= @openTime AND sc.closes_at > @openTime
                  AND (sc.valid_from IS NULL OR sc.valid_from <= @openDate)
                  AND (sc.valid_to IS NULL OR sc.valid_to >= @openDate)
                  AND (sc.dtstart IS NULL OR sc.dtstart <= @openDate)
                  AND (sc.until IS NULL OR sc.until >= @openDate)
                  AND (sc.freq = N'DAILY'
                    OR (@bankHoliday = 0 AND sc.freq = N'WEEKLY'
                        AND CHARINDEX(@dayToken, N',' + sc.byday + N',') > 0
                        AND (ISNULL(sc.interval, 1) = 1
                          OR (sc.dtstart IS NOT NULL
                              AND (DATEDIFF(day,
                                            DATEADD(day, -((DATEDIFF(day, CAST('19000101' AS date), sc.dtstart) % 7 + 7) % 7), sc.dtstart),
                                            @weekMonday) / 7) % NULLIF(sc.interval, 0) = 0)))
                    OR (@bankHoliday = 0 AND sc.freq = N'MONTHLY'
                        AND (CHARINDEX(@nthToken, N',' + sc.byday + N',') > 0
                          OR (@lastToken IS NOT NULL AND CHARINDEX(@lastToken, N',' + sc.byday + N',') > 0)))))
            """;
    }

    /// <summary>A schedule on this day (or any) overlapping these hours (or any): "2TU" (monthly) and "TU" (weekly) both end in the day's code before the comma.</summary>
    private static string AvailableDuring(AvailabilityWindow window, List<SqlParameter> parameters)
    {
        var conditions = new List<string> { "sw.service_id = s.id" };
        if (window.DayCode is { } day)
        {
            conditions.Add("(sw.freq = N'DAILY' OR CHARINDEX(@windowDay, N',' + sw.byday + N',') > 0)");
            SqlServerParameters.Add(parameters, "@windowDay", SqlDbType.NVarChar, day + ",", 16);
        }

        if (window.StartTime is { } start)
        {
            conditions.Add("sw.closes_at > @windowStart");
            SqlServerParameters.Add(parameters, "@windowStart", SqlDbType.NVarChar, start, 5);
        }

        if (window.EndTime is { } end)
        {
            conditions.Add("sw.opens_at < @windowEnd");
            SqlServerParameters.Add(parameters, "@windowEnd", SqlDbType.NVarChar, end, 5);
        }

        return $"EXISTS (SELECT 1 FROM schedules sw WHERE {string.Join(" AND ", conditions)})";
    }

    private static DateTime Date(string isoDate) => DateTime.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
