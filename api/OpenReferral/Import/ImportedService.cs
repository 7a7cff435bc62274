namespace Signpost.OpenReferral.Import;

/// <summary>
/// Which import source a service came from, so a later <c>--sync</c> run of that source can archive
/// the services it no longer lists, and never touches services from anywhere else.
/// </summary>
public sealed class ImportedService
{
    public Guid ServiceId { get; set; }

    /// <summary>The source's name (<c>--name</c>), as in the audit actor <c>import:&lt;name&gt;</c>.</summary>
    public required string Source { get; set; }

    public DateTimeOffset FirstImportedAt { get; set; }
}

/// <summary>What Signpost remembers about an import source between runs.</summary>
public sealed class ImportSourceState
{
    public required string Name { get; set; }

    /// <summary>The file, folder or feed address it was last imported from.</summary>
    public required string Location { get; set; }

    /// <summary>
    /// When the last complete pull started: the next pull of a feed asks only for services
    /// modified after it (<c>modified_after</c>), unless told otherwise.
    /// </summary>
    public DateTimeOffset? LastCompletePullStartedAt { get; set; }
}
