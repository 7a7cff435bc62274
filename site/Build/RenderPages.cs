using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Signpost.Site;

/// <summary>
/// Step 3: renders each page's Razor component to HTML with ASP.NET Core's HtmlRenderer and writes
/// it. Razor escapes every value it writes, so text from the API is never markup. One renderer
/// per core, each over its own share of the pages.
/// </summary>
public static class RenderPages
{
    public static async Task<long> RunAsync(IReadOnlyList<PagePlan> pages, string outputFolder, BuildLog log, CancellationToken cancellationToken)
    {
        // Every character is written as itself but the few that are markup (< > & " ' +): pages
        // stay readable and small, and values from the API still cannot become markup.
        var services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        var done = 0;
        long bytes = 0;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, pages.Count / 50 + 1));
        await Parallel.ForEachAsync(Enumerable.Range(0, workers), cancellationToken, async (worker, ct) =>
        {
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            for (var i = worker; i < pages.Count; i += workers)
            {
                var page = pages[i];
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync(page.Component, ParameterView.FromDictionary(new Dictionary<string, object?>(page.Parameters)))).ToHtmlString());
                var path = Path.Combine(outputFolder, SiteUrls.FileFor(page.Url));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var content = System.Text.Encoding.UTF8.GetBytes(html);
                await File.WriteAllBytesAsync(path, content, ct);
                Interlocked.Add(ref bytes, content.Length);
                log.Progress("rendered", Interlocked.Increment(ref done), pages.Count);
            }
        });
        return bytes;
    }
}
