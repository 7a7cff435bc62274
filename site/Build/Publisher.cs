namespace Signpost.Site;

/// <summary>
/// Builds into a fresh folder beside the published one and swaps it in only when the build is
/// complete and sane: the API answered, every link resolves, and the service count has not fallen
/// by more than <see cref="SiteOptions.MaxServiceDrop"/> since the last published build (unless
/// forced). Otherwise the last good site stays exactly as it was.
/// </summary>
public sealed class Publisher(SiteBuilder builder, SiteOptions options, BuildLog log)
{
    public async Task<BuildResult> PublishAsync(CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(options.Output);
        var staging = output + ".building";
        var previous = output + ".previous";
        DeleteIfPresent(staging);

        BuildResult result;
        try
        {
            result = await builder.BuildAsync(staging, cancellationToken);
            CheckServiceCount(BuildManifest.Read(output), result.Manifest);
        }
        catch
        {
            DeleteIfPresent(staging);
            throw;
        }

        // Two renames: the old site is moved aside whole, then the new one takes its name.
        DeleteIfPresent(previous);
        if (Directory.Exists(output))
        {
            Directory.Move(output, previous);
        }

        Directory.Move(staging, output);
        DeleteIfPresent(previous);
        log.Step($"Published to {output}.");
        return result;
    }

    private void CheckServiceCount(BuildManifest? published, BuildManifest built)
    {
        if (published is null || published.Services == 0)
        {
            return;
        }

        var drop = 1.0 - (double)built.Services / published.Services;
        if (drop > options.MaxServiceDrop)
        {
            var message = $"The directory has {built.Services:N0} services but the published site has {published.Services:N0}: " +
                          $"a fall of {drop * 100:0}%, more than the {options.MaxServiceDrop * 100:0}% allowed.";
            if (!options.Force)
            {
                throw new SiteBuildException(message + " The published site is unchanged; pass --force to publish anyway.");
            }

            log.Step(message + " Publishing anyway (--force).");
        }
    }

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
