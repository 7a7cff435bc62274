namespace Signpost.OpenReferral.Import;

/// <summary>What is wrong with one record, at a field path such as <c>phones[0].number</c>: the record is skipped whole.</summary>
public sealed class ImportProblem(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>A source that cannot be read at all (a missing file, a feed that answers badly): the run stops.</summary>
public sealed class ImportSourceException(string message, Exception? inner = null) : Exception(message, inner);
