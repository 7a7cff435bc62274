using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.Geo.Postcodes;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// <c>dotnet run --project api -- import SOURCE [--name NAME] [--sync] [--since DATE] [--mapping FILE] [--dry-run]</c>:
/// imports HSDS 3.0 / ORUK services from a JSON file or folder, a CSV Tabular Data Package, or a
/// feed's base URL. Exit code 0: all imported; 1: some records skipped; 2: the source could not be read.
/// </summary>
public static partial class ImportCommand
{
    public const string Usage = """
        Usage:
          import SOURCE [--name NAME] [--sync] [--since DATE] [--mapping FILE] [--dry-run]

          SOURCE     an HSDS 3.0 JSON file or folder, a CSV data package (folder or datapackage.json),
                     or an ORUK feed's base URL (https://example.org/api/)
          --name     the source's name (letters, digits, . _ -); changes are audited as import:NAME
          --sync     archive services imported from this source before that it no longer lists
          --since    a feed: only services modified after DATE (default: since the last complete pull)
          --mapping  JSON file: source term id or code -> Signpost category code
          --dry-run  check and report everything, save nothing
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ImportArguments arguments;
        try
        {
            arguments = ImportArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"import: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DirectoryDbContext>();
        var options = provider.GetRequiredService<IOptions<ImportOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        var report = new ImportReport(output, error);
        string? stopped = null;
        try
        {
            var categoriesByCode = await provider.GetRequiredService<CategoryCatalog>().IdsByCodeAsync(cancellationToken);
            var mapping = arguments.Mapping is { } file ? TaxonomyMapping.Read(file, categoriesByCode) : TaxonomyMapping.Empty;
            var mapper = new HsdsListingMapper(arguments.Name, mapping, categoriesByCode.Values.ToHashSet(), provider.GetRequiredService<IPostcodeLookup>());
            var store = new ListingStore(db, time, arguments.Name, arguments.DryRun);
            var state = await db.ImportSources.AsTracking().FirstOrDefaultAsync(s => s.Name == arguments.Name, cancellationToken);
            var startedAt = time.GetUtcNow();

            using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            overall.CancelAfter(options.OverallTimeout);
            var records = Open(arguments, options, state, provider, output);
            var seen = new HashSet<Guid>(); // skipped services too: they are still listed, so --sync must not archive them
            try
            {
                await foreach (var record in records.WithCancellation(overall.Token))
                {
                    if (Guid.TryParse(record.Id, out var recordId) && !seen.Add(recordId))
                    {
                        // e.g. a folder with both service_full.json and service_list.json
                        report.Warn(record, "id: listed again in this source; the first one was imported");
                        continue;
                    }

                    await ImportOneAsync(record, mapper, store, report, overall.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ImportSourceException($"the import took longer than {options.OverallTimeout} (OpenReferralImport:OverallTimeout)");
            }

            if (arguments.Sync)
            {
                foreach (var _ in await store.ArchiveMissingAsync(seen, cancellationToken))
                {
                    report.Count(ImportOutcome.Archived);
                }
            }

            if (!arguments.DryRun)
            {
                if (state is null)
                {
                    state = new ImportSourceState { Name = arguments.Name, Location = arguments.Source };
                    db.ImportSources.Add(state);
                }

                state.Location = arguments.Source;
                state.LastCompletePullStartedAt = startedAt;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (ImportSourceException e)
        {
            stopped = e.Message;
        }

        report.Summarise(arguments.Name, arguments.DryRun, stopped);
        return stopped is not null ? 2 : report.Skipped > 0 ? 1 : 0;
    }

    private static async Task ImportOneAsync(SourceRecord record, HsdsListingMapper mapper, ListingStore store, ImportReport report, CancellationToken cancellationToken)
    {
        if (record.Problem is { } unreadable)
        {
            report.Skip(record, unreadable);
            return;
        }

        try
        {
            ImportedListing listing;
            ImportOutcome outcome;
            try
            {
                listing = await mapper.MapAsync(record.Service!, keepSourceIds: true, cancellationToken);
                outcome = await store.StoreAsync(listing, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A phone, contact or schedule id that another listing already uses: derive them all.
                listing = await mapper.MapAsync(record.Service!, keepSourceIds: false, cancellationToken);
                outcome = await store.StoreAsync(listing, cancellationToken);
            }

            foreach (var warning in listing.Warnings)
            {
                report.Warn(record, warning);
            }

            report.NotKept(record, listing.NotKept);

            report.Unmapped(listing.UnmappedTerms);
            report.Count(outcome);
        }
        catch (ImportProblem problem)
        {
            report.Skip(record, problem);
        }
        catch (DbUpdateException e)
        {
            report.Skip(record, new ImportProblem("", $"the database refused it: {e.InnerException?.Message ?? e.Message}"));
        }
    }

    private static IAsyncEnumerable<SourceRecord> Open(ImportArguments arguments, ImportOptions options, ImportSourceState? state, IServiceProvider provider, TextWriter output)
    {
        if (arguments.Url is { } url)
        {
            var since = arguments.Since ?? (arguments.Sync ? null : state?.LastCompletePullStartedAt);
            output.WriteLine(since is null
                ? $"Reading every service from {url} …"
                : $"Reading services modified after {since:yyyy-MM-dd'T'HH:mm:ss'Z'} from {url} …");
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(BoundedJsonClient.HttpClientName);
            return new FeedSource(new BoundedJsonClient(http, options, url), url, options, since).ReadAsync(CancellationToken.None);
        }

        var path = Path.GetFullPath(arguments.Source);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ImportSourceException($"{arguments.Source}: no such file or folder");
        }

        output.WriteLine($"Reading {path} …");
        return CsvPackageSource.IsPackage(path)
            ? new CsvPackageSource(path, options.MaxResponseBytes).ReadAsync(CancellationToken.None)
            : new JsonFileSource(path, options.MaxResponseBytes).ReadAsync(CancellationToken.None);
    }

    private sealed record ImportArguments(string Source, Uri? Url, string Name, bool Sync, DateTimeOffset? Since, string? Mapping, bool DryRun)
    {
        public static ImportArguments Parse(string[] args)
        {
            string? source = null, name = null, mapping = null;
            DateTimeOffset? since = null;
            bool sync = false, dryRun = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sync": sync = true; break;
                    case "--dry-run": dryRun = true; break;
                    case "--name": name = Value(args, ref i); break;
                    case "--mapping": mapping = Value(args, ref i); break;
                    case "--since":
                        var text = Value(args, ref i);
                        since = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                            ? parsed
                            : throw new ArgumentException($"--since: '{text}' is not a date (e.g. 2026-11-01 or 2026-11-01T09:00:00Z)");
                        break;
                    case var option when option.StartsWith("--", StringComparison.Ordinal):
                        throw new ArgumentException($"{option}: not an option of import");
                    case var value when source is null: source = value; break;
                    default: throw new ArgumentException($"'{args[i]}': give one source");
                }
            }

            if (source is null)
            {
                throw new ArgumentException("give a source: a file, a folder or a feed's URL");
            }

            if (sync && since is not null)
            {
                throw new ArgumentException("--sync needs the whole source, so it cannot be used with --since");
            }

            Uri? url = null;
            if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                url = Uri.TryCreate(source.EndsWith('/') ? source : source + "/", UriKind.Absolute, out var parsedUrl) && parsedUrl.Query.Length == 0
                    ? parsedUrl
                    : throw new ArgumentException($"'{source}' is not a feed's base URL (e.g. https://example.org/api/)");
            }

            name = (name ?? DefaultName(url, source)).ToLowerInvariant();
            if (!SourceName().IsMatch(name))
            {
                throw new ArgumentException($"--name: '{name}' must be 1-50 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }

            return new ImportArguments(source, url, name, sync, since, mapping, dryRun);
        }

        private static string DefaultName(Uri? url, string source)
        {
            var name = url?.Host ?? Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source)));
            name = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9._-]+", "-").Trim('-', '.', '_');
            return name.Length > 50 ? name[..50] : name;
        }

        private static string Value(string[] args, ref int i) =>
            i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{args[i]}: give a value");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,49}$")]
    private static partial Regex SourceName();
}
