namespace Signpost.Site;

/// <summary>Progress on the console for long builds; quiet enough for a pipeline log.</summary>
public sealed class BuildLog(TextWriter writer)
{
    public static readonly BuildLog Silent = new(TextWriter.Null);

    public void Step(string message) => writer.WriteLine(message);

    /// <summary>"rendering 500 of 12,000 pages": every tenth of the way and at the end.</summary>
    public void Progress(string what, int done, int total)
    {
        var step = Math.Max(1, total / 10);
        if (done == total || done % step == 0)
        {
            writer.WriteLine($"  {what} {done:N0} of {total:N0}");
        }
    }
}
