using Signpost.Embedding;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// The Open Referral UK 3.0 read API at <c>/openreferral</c>: public, anonymous and read-only, so
/// every answer may be read from any site (<c>Access-Control-Allow-Origin: *</c>, no credentials).
/// </summary>
public static class OpenReferralFeed
{
    public const string Path = "/openreferral";
    public const string Version = "3.0";
    /// <summary>The UK profile's documentation, as the ORUK schema's example and the validator use it.</summary>
    public const string Profile = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";

    public static IHostApplicationBuilder AddOpenReferral(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenReferralOptions>()
            .Bind(builder.Configuration.GetSection(OpenReferralOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultPerPage <= o.MaxPerPage, "OpenReferral:DefaultPerPage must not be more than OpenReferral:MaxPerPage.")
            .ValidateOnStart();
        builder.Services.AddScoped<HsdsLoader>();
        builder.Services.AddScoped<ServiceFeed>();
        builder.Services.AddScoped<OrganizationFeed>();
        builder.Services.AddScoped<ServiceAtLocationFeed>();
        builder.Services.AddScoped<TaxonomyFeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenReferral(this IEndpointRouteBuilder endpoints)
    {
        var feed = endpoints.MapGroup(Path).ExcludeFromDescription();
        feed.MapGet("/", (HttpContext http) => Answer(http, false, async _ =>
            await WriteJsonAsync(http, new HsdsApiDetails { Version = Version, Profile = Profile, OpenApiUrl = $"{FeedUrl(http)}/openapi.json" })));
        feed.MapGet("/openapi.json", (HttpContext http) => Answer(http, false, async ct =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.Body);
            OpenApiDocument.For(FeedUrl(http)).WriteTo(writer);
        }));

        feed.MapGet("/services", (HttpContext http) => Answer(http, IsStream(http), async ct =>
        {
            var p = new FeedParameters(http.Request.Query);
            var services = http.RequestServices.GetRequiredService<ServiceFeed>();
            var minimal = p.Bool("minimal");
            var (pageNumber, perPage, stream) = Paging(http, p);
            var request = await services.RequestAsync(p, ct);
            if (stream)
            {
                await WriteLinesAsync(http, services.AllAsync(request, minimal, ct), ct);
                return;
            }

            await WriteJsonAsync(http, await services.PageAsync(request, pageNumber, perPage, minimal, ct));
        }));
        feed.MapGet("/services/{id}", (HttpContext http, string id) => Answer(http, false, async ct =>
        {
            var loader = http.RequestServices.GetRequiredService<HsdsLoader>();
            var found = Guid.TryParseExact(id, "D", out var guid) ? await loader.ServicesAsync([guid], minimal: false, ct) : [];
            await WriteJsonAsync(http, found.Count == 1 ? found[0] : throw FeedError.NotFound("service"));
        }));

        feed.MapGet("/organizations", (HttpContext http) => Answer(http, IsStream(http), async ct =>
        {
            var p = new FeedParameters(http.Request.Query);
            var organizations = http.RequestServices.GetRequiredService<OrganizationFeed>();
            await ListAsync(http, p, await organizations.ListAsync(p, IsStream(http), ct), ct);
        }));
        feed.MapGet("/organizations/{id}", (HttpContext http, string id) => Answer(http, false, async ct =>
        {
            var organizations = http.RequestServices.GetRequiredService<OrganizationFeed>();
            var organization = Guid.TryParseExact(id, "D", out var guid)
                ? await organizations.FindAsync(guid, new FeedParameters(http.Request.Query), ct)
                : null;
            await WriteJsonAsync(http, organization ?? throw FeedError.NotFound("organization"));
        }));

        feed.MapGet("/taxonomies", (HttpContext http) => Answer(http, IsStream(http), async ct =>
        {
            var p = new FeedParameters(http.Request.Query);
            await ListAsync(http, p, http.RequestServices.GetRequiredService<TaxonomyFeed>().Taxonomies(p), ct);
        }));
        feed.MapGet("/taxonomies/{id}", (HttpContext http, string id) => Answer(http, false, async ct =>
        {
            var db = http.RequestServices.GetRequiredService<DirectoryDbContext>();
            var taxonomy = Guid.TryParseExact(id, "D", out var guid) ? await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == guid, ct) : null;
            await WriteJsonAsync(http, taxonomy?.ToHsds() ?? throw FeedError.NotFound("taxonomy"));
        }));

        feed.MapGet("/taxonomy_terms", (HttpContext http) => Answer(http, IsStream(http), async ct =>
        {
            var p = new FeedParameters(http.Request.Query);
            await ListAsync(http, p, await http.RequestServices.GetRequiredService<TaxonomyFeed>().TermsAsync(p, ct), ct);
        }));
        feed.MapGet("/taxonomy_terms/{id}", (HttpContext http, string id) => Answer(http, false, async ct =>
        {
            var db = http.RequestServices.GetRequiredService<DirectoryDbContext>();
            var term = Guid.TryParseExact(id, "D", out var guid) ? await db.TaxonomyTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == guid, ct) : null;
            if (term is null)
            {
                throw FeedError.NotFound("taxonomy term");
            }

            var taxonomy = term.TaxonomyId is { } x ? await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == x, ct) : null;
            await WriteJsonAsync(http, term.ToHsds(taxonomy));
        }));

        feed.MapGet("/service_at_locations", (HttpContext http) => Answer(http, IsStream(http), async ct =>
        {
            var p = new FeedParameters(http.Request.Query);
            await ListAsync(http, p, await http.RequestServices.GetRequiredService<ServiceAtLocationFeed>().ListAsync(p, ct), ct);
        }));
        feed.MapGet("/service_at_locations/{id}", (HttpContext http, string id) => Answer(http, false, async ct =>
        {
            var links = http.RequestServices.GetRequiredService<ServiceAtLocationFeed>();
            var found = Guid.TryParseExact(id, "D", out var guid) ? await links.FindAsync(guid, ct) : null;
            await WriteJsonAsync(http, found ?? throw FeedError.NotFound("service at location"));
        }));

        return endpoints;
    }

    private static bool IsStream(HttpContext http) => http.Request.Query["format"] == "ndjson";

    private static (int Page, int PerPage, bool Stream) Paging(HttpContext http, FeedParameters p)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<OpenReferralOptions>>().Value;
        var stream = p.Text("format", 16) switch
        {
            null or "json" => false,
            "ndjson" => true,
            _ => throw FeedError.BadParameter("format", "must be json or ndjson"),
        };
        var perPage = p.Int("per_page", options.DefaultPerPage, 1, options.MaxPerPage);
        // Bounded so the offset stays a small number whatever the page size.
        var page = p.Int("page", 1, 1, 1_000_000);
        return (page, perPage, stream);
    }

    /// <summary>A list: one page, or every record a batch at a time for ndjson.</summary>
    private static async Task ListAsync<TOut>(HttpContext http, FeedParameters p, FeedList<TOut> list, CancellationToken cancellationToken)
    {
        var (pageNumber, perPage, stream) = Paging(http, p);
        if (stream)
        {
            await WriteLinesAsync(http, BatchesAsync(list, cancellationToken), cancellationToken);
            return;
        }

        var total = await list.CountAsync(cancellationToken);
        var (_, records) = await list.ReadAsync((pageNumber - 1) * perPage, perPage, cancellationToken);
        await WriteJsonAsync(http, HsdsPage<TOut>.Of(records, total, pageNumber, perPage));
    }

    private static async IAsyncEnumerable<TOut> BatchesAsync<TOut>(
        FeedList<TOut> list, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += OpenReferralOptions.StreamBatchSize)
        {
            var (rows, records) = await list.ReadAsync(skip, OpenReferralOptions.StreamBatchSize, cancellationToken);
            foreach (var item in records)
            {
                yield return item;
            }

            if (rows < OpenReferralOptions.StreamBatchSize)
            {
                yield break;
            }
        }
    }

    private static string FeedUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}";

    private static async Task WriteJsonAsync<T>(HttpContext http, T value)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, value, HsdsJson.Options, http.RequestAborted);
    }

    private static async Task WriteLinesAsync<T>(HttpContext http, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(item, HsdsJson.Options), cancellationToken);
            await http.Response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            if (++count % OpenReferralOptions.StreamBatchSize == 0)
            {
                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs one request within its time limit and turns a <see cref="FeedError"/> into its JSON
    /// answer. Every answer, errors included, may be read by any site (the embedding CORS rules).
    /// </summary>
    private static async Task Answer(HttpContext http, bool stream, Func<CancellationToken, Task> handle)
    {
        // Also without an Origin: the Open Referral validator and plain tools expect to see it.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var options = http.RequestServices.GetRequiredService<IOptions<OpenReferralOptions>>().Value;
        var (client, clientProblem) = await http.RequestServices.GetRequiredService<ReadClients>().ResolveAsync(http);
        if (client is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteJsonAsync(http, new Dictionary<string, string> { ["error"] = clientProblem! });
            return;
        }

        if (!FeedBudget.TryCharge(http, client, stream, options, out var retryAfter))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteJsonAsync(http, new Dictionary<string, string> { ["error"] = "rate limited: too many requests from this address; try again after the Retry-After seconds" });
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(stream ? options.StreamTimeout : options.RequestTimeout);
        try
        {
            await handle(timeout.Token);
        }
        catch (FeedError error) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = error.Status;
            await WriteJsonAsync(http, new Dictionary<string, string> { ["error"] = error.Message });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "10";
            await WriteJsonAsync(http, new Dictionary<string, string> { ["error"] = "timeout: the request took too long and was stopped; ask for less at once" });
        }
    }
}
