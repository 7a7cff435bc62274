namespace Signpost.Scheduling;

/// <summary>
/// Which API instance may run a scheduled job, until when. Kept in the database so every instance
/// sees it: the one that takes it runs the job; the others leave it until the lease runs out.
/// </summary>
public sealed class JobLease
{
    /// <summary>The job: "review-reminders".</summary>
    public required string Name { get; set; }

    /// <summary>The instance holding it (machine, process and a random part), for logs and for renewing its own lease.</summary>
    public required string Holder { get; set; }

    /// <summary>When the lease runs out, in Unix seconds, so SQL can compare it.</summary>
    public long ExpiresAt { get; set; }
}
