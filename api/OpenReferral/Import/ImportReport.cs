using System.Diagnostics;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// What a run did, told as it goes (progress, each skipped record, warnings, fields Signpost does
/// not keep) and summed up at the end.
/// </summary>
public sealed class ImportReport(TextWriter output, TextWriter error)
{
    private const int ProgressEvery = 50;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Dictionary<Guid, SourceTerm> _unmapped = [];
    private readonly SortedDictionary<string, int> _notKept = new(StringComparer.Ordinal);

    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Archived { get; private set; }
    public int Skipped { get; private set; }
    public int Warnings { get; private set; }
    /// <summary>Records with a field Signpost has no place for.</summary>
    public int NotKeptRecords { get; private set; }
    public int Read => Created + Updated + Unchanged + Skipped;
    public IReadOnlyCollection<SourceTerm> UnmappedTerms => _unmapped.Values;

    public void Count(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Created: Created++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; break;
            case ImportOutcome.Archived: Archived++; break;
        }

        Progress();
    }

    public void Skip(SourceRecord record, ImportProblem problem)
    {
        Skipped++;
        var field = problem.Path.Length == 0 ? record.Where : $"{record.Where}.{problem.Path}";
        error.WriteLine($"skipped {record.Id ?? "(no id)"}: {field}: {problem.Problem}");
        Progress();
    }

    public void Warn(SourceRecord record, string warning)
    {
        Warnings++;
        error.WriteLine($"warning {record.Id}: {record.Where}.{warning}");
    }

    /// <summary>
    /// The record's fields that Signpost has no place for, each named once on one line, so nothing
    /// is dropped without a word; counted by field for the summary.
    /// </summary>
    public void NotKept(SourceRecord record, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        NotKeptRecords++;
        foreach (var path in paths)
        {
            _notKept[path] = _notKept.GetValueOrDefault(path) + 1;
        }

        error.WriteLine($"not kept: {string.Join(", ", paths)} ({record.Id}: {record.Where})");
    }

    public void Unmapped(IEnumerable<SourceTerm> terms)
    {
        foreach (var term in terms)
        {
            _unmapped.TryAdd(term.Term.Id, term);
        }
    }

    public void Summarise(string source, bool dryRun, string? stoppedBecause)
    {
        if (_unmapped.Count > 0)
        {
            output.WriteLine($"{_unmapped.Count} source taxonomy terms are not mapped to a Signpost category (kept on their services; map them with --mapping):");
            foreach (var t in _unmapped.Values.OrderBy(t => t.Taxonomy.Name, StringComparer.Ordinal).ThenBy(t => t.Term.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"  {t.Term.Id:D}  code {t.SourceCode ?? "(none)"}  \"{t.Term.Name}\"  ({t.Taxonomy.Name})");
            }
        }

        if (_notKept.Count > 0)
        {
            output.WriteLine($"{NotKeptRecords} services had fields Signpost has no place for (not kept; services named above), by field:");
            foreach (var (path, records) in _notKept)
            {
                output.WriteLine($"  {path}  ({records})");
            }
        }

        var seconds = Math.Max(_elapsed.Elapsed.TotalSeconds, 0.001);
        output.WriteLine(
            $"{(dryRun ? "Dry run (nothing saved) of" : "Imported")} {source}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Archived} archived, {Skipped} skipped" +
            $" ({Read} services read in {seconds:0.0} s, {Read / seconds:0.#} a second; {Warnings} warnings; {NotKeptRecords} with fields not kept).");
        if (stoppedBecause is not null)
        {
            error.WriteLine($"import: stopped: {stoppedBecause}");
        }
    }

    private void Progress()
    {
        if (Read % ProgressEvery == 0)
        {
            output.WriteLine($"… {Read} services read: {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped");
        }
    }
}
