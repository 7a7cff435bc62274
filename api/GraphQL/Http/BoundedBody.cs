using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Signpost.GraphQL.Http;

/// <summary>
/// Reads a request body while counting it: a body over the limit is refused as soon as the limit
/// is passed, whether or not it declared its length, so a 30 MB chunked upload costs no more
/// memory than the limit.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel enforces the same limit itself for any other reader of this body.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var body = new MemoryStream(capacity: (int)Math.Min(http.Request.ContentLength ?? 4096, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }
}
