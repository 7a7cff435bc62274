using System.Diagnostics;
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
    public static async Task<RenderSummary> RunAsync(IReadOnlyList<PagePlan> pages, string outputFolder, BuildLog log, CancellationToken cancellationToken)
    {
        // Every character is written as itself but the few that are markup (< > & " ' +): pages
        // stay readable and small, and values from the API still cannot become markup.
        var services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        var done = 0;
        long bytes = 0, renderTicks = 0, writeTicks = 0;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, pages.Count / 50 + 1));
        await Parallel.ForEachAsync(Enumerable.Range(0, workers), cancellationToken, async (worker, ct) =>
        {
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            for (var i = worker; i < pages.Count; i += workers)
            {
                var page = pages[i];
                var started = Stopwatch.GetTimestamp();
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync(page.Component, ParameterView.FromDictionary(new Dictionary<string, object?>(page.Parameters)))).ToHtmlString());
                var rendered = Stopwatch.GetTimestamp();
                var path = Path.Combine(outputFolder, SiteUrls.FileFor(page.Url));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var content = System.Text.Encoding.UTF8.GetBytes(html);
                File.WriteAllBytes(path, content); // small files: the synchronous write is several times faster here
                Interlocked.Add(ref bytes, content.Length);
                Interlocked.Add(ref renderTicks, rendered - started);
                Interlocked.Add(ref writeTicks, Stopwatch.GetTimestamp() - rendered);
                log.Progress("rendered", Interlocked.Increment(ref done), pages.Count);
            }
        });
        return new RenderSummary(pages.Count, bytes, workers,
            TimeSpan.FromSeconds((double)renderTicks / Stopwatch.Frequency), TimeSpan.FromSeconds((double)writeTicks / Stopwatch.Frequency));
    }
}

/// <summary>
/// What rendering did: time in the HtmlRenderer and time writing files, each summed over the
/// workers, so the rendering rate is not hidden by a slow disk.
/// </summary>
public sealed record RenderSummary(int Pages, long Bytes, int Workers, TimeSpan RenderTime, TimeSpan WriteTime)
{
    /// <summary>Pages the renderers turn out per second of wall-clock time, all workers together.</summary>
    public double RenderedPagesPerSecond => Pages / Math.Max(RenderTime.TotalSeconds / Workers, 1e-6);
}
