using System.Globalization;
using System.Text.Json;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// An ORUK / HSDS 3.0 feed: walks <c>/services?page=N</c> and fetches each <c>/services/{id}</c>,
/// as the DfE puller does; with a date, asks only for services modified after it. Paging stops at
/// the last page, and a feed that never says so is stopped: a page limit, a page that repeats an
/// earlier one, or a page with nothing new.
/// </summary>
public sealed class FeedSource(BoundedJsonClient client, Uri baseUri, ImportOptions options, DateTimeOffset? modifiedAfter)
{
    public int Pages { get; private set; }

    public async IAsyncEnumerable<SourceRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        for (var page = 1; ; page++)
        {
            if (page > options.MaxPages)
            {
                throw new ImportSourceException($"{baseUri}: still no last page after {options.MaxPages:N0} pages (OpenReferralImport:MaxPages); stopped");
            }

            using var document = await client.GetAsync(PageUri(page), cancellationToken);
            Pages = page;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                throw new ImportSourceException($"{PageUri(page)}: not an HSDS page (no 'contents' list)");
            }

            var ids = contents.EnumerateArray().Select(HsdsRecords.IdOf).ToList();
            var signature = string.Join(",", ids);
            if (ids.Count > 0 && pages.TryGetValue(signature, out var earlier))
            {
                throw new ImportSourceException($"{PageUri(page)}: repeats page {earlier}; the feed's paging is not moving on, stopped");
            }

            pages[signature] = page;
            var fresh = 0;
            foreach (var id in ids)
            {
                var where = $"services[{index++}]";
                if (id is null || !Guid.TryParse(id, out var serviceId))
                {
                    yield return new SourceRecord(where, id, null, new ImportProblem("id", id is null ? "is required (a UUID)" : $"'{id}' is not a UUID"));
                    continue;
                }

                if (!seen.Add(serviceId.ToString("D")))
                {
                    continue;
                }

                fresh++;
                yield return await FetchServiceAsync(serviceId, where, cancellationToken);
            }

            if (ids.Count == 0 || IsLast(root, page))
            {
                yield break;
            }

            if (fresh == 0)
            {
                throw new ImportSourceException($"{PageUri(page)}: lists no service not seen on an earlier page; the feed's paging is not moving on, stopped");
            }
        }
    }

    private async Task<SourceRecord> FetchServiceAsync(Guid id, string where, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUri, $"services/{id:D}");
        try
        {
            using var document = await client.GetAsync(uri, cancellationToken);
            return HsdsRecords.Read(document.RootElement, where);
        }
        catch (ImportSourceException e)
        {
            // One service that cannot be read is skipped; the rest of the feed still imports.
            return new SourceRecord(where, id.ToString("D"), null, new ImportProblem("", e.Message));
        }
    }

    private static bool IsLast(JsonElement page, int number) =>
        (page.TryGetProperty("last_page", out var last) && last.ValueKind == JsonValueKind.True)
        || (page.TryGetProperty("total_pages", out var total) && total.TryGetInt32(out var totalPages) && number >= totalPages);

    private Uri PageUri(int page)
    {
        var query = $"services?page={page}&per_page={options.PageSize}";
        if (modifiedAfter is { } after)
        {
            query += "&modified_after=" + Uri.EscapeDataString(after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return new Uri(baseUri, query);
    }
}
