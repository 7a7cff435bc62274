using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Signpost.Site.Hosting;

public static class StaticSiteEndpoints
{
    /// <summary>
    /// Serves a built site as a static host would: folder addresses serve their index.html and
    /// anything else not found gets 404.html with status 404.
    /// </summary>
    public static WebApplication MapStaticSite(this WebApplication app, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            // The finder embedded on other sites places a postcode with the search index's files.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.StartsWithSegments("/index", StringComparison.Ordinal))
                {
                    file.Context.Response.Headers.AccessControlAllowOrigin = "*";
                }
            },
        });
        // Routing after the files: otherwise the fallback below is chosen first and files are never served.
        app.UseRouting();
        app.MapFallback(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });
        return app;
    }

    /// <summary>The usual types, plus Pagefind's index files (binary, with its own extensions).</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        foreach (var extension in new[] { ".pagefind", ".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter" })
        {
            types.Mappings[extension] = "application/octet-stream";
        }

        return types;
    }
}
