using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// Fetches JSON from a feed without trusting it: only from the feed's own host (a redirect to any
/// other host is refused), a bounded number of redirects, a timeout per request (body included),
/// a size limit counted while the body streams in, JSON content types only, and strict UTF-8.
/// Every refusal is an <see cref="ImportSourceException"/> that says what was wrong.
/// </summary>
public sealed class BoundedJsonClient(HttpClient http, ImportOptions options, Uri origin)
{
    public const string HttpClientName = "OpenReferralImport";

    public async Task<JsonDocument> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            return await FetchAsync(uri, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImportSourceException($"{uri}: no complete answer within {options.RequestTimeout.TotalSeconds:0.###} s (OpenReferralImport:RequestTimeout)");
        }
        catch (HttpRequestException e)
        {
            throw new ImportSourceException($"{uri}: {e.Message}", e);
        }
    }

    private async Task<JsonDocument> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                var target = response.Headers.Location is { } location ? new Uri(uri, location) : throw new ImportSourceException($"{uri}: a redirect without a Location");
                if (!SameOrigin(target))
                {
                    throw new ImportSourceException($"{uri}: redirects to {target.Scheme}://{target.Authority}, another host than {origin.Scheme}://{origin.Authority}; refused");
                }

                if (redirects >= options.MaxRedirects)
                {
                    throw new ImportSourceException($"{uri}: more than {options.MaxRedirects} redirects (OpenReferralImport:MaxRedirects)");
                }

                uri = target;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ImportSourceException($"{uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ImportSourceException($"{uri}: the content type is '{mediaType ?? "none"}', not JSON (application/json)");
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                throw TooLarge(uri);
            }

            var body = await ReadBoundedAsync(response.Content, uri, cancellationToken);
            if (!Utf8.IsValid(body.Span))
            {
                throw new ImportSourceException($"{uri}: the body is not valid UTF-8");
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new ImportSourceException($"{uri}: not valid JSON ({e.Message})", e);
            }
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpContent content, Uri uri, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes)
            {
                throw TooLarge(uri);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private ImportSourceException TooLarge(Uri uri) =>
        new($"{uri}: the answer is larger than {options.MaxResponseBytes:N0} bytes (OpenReferralImport:MaxResponseBytes); refused");

    private bool SameOrigin(Uri target) =>
        target.Scheme == origin.Scheme && string.Equals(target.Host, origin.Host, StringComparison.OrdinalIgnoreCase) && target.Port == origin.Port;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
