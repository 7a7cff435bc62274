namespace Signpost.Embedding;

/// <summary>
/// A key a developer's site sends (header <c>X-Signpost-Client</c>) to name itself: its requests
/// then share a read budget of their own instead of each visitor's address's, and telemetry names
/// the site. It is public by nature (it sits in a web page), so it is no secret: it is honoured
/// only from the origins it was registered for, and an admin revokes one that is misused.
/// </summary>
public sealed class ClientKey
{
    public Guid Id { get; set; }

    /// <summary>The site's name, as telemetry shows it: "Sidmouth Surgery".</summary>
    public required string Name { get; set; }

    /// <summary>What the site sends: "spc_" and 24 base64url characters.</summary>
    public required string Key { get; set; }

    /// <summary>The origins whose pages may use it ("https://sidmouthsurgery.example"); none: only servers, which send no Origin.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>Query cost per minute that all of the site's requests share.</summary>
    public int ReadBudgetPerMinute { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
