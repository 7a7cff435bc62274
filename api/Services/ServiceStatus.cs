namespace Signpost.Services;

/// <summary>HSDS service status values, stored as their HSDS spelling.</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

public static class ServiceStatusNames
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";

    public static string ToHsds(this ServiceStatus status) => status switch
    {
        ServiceStatus.Active => Active,
        ServiceStatus.Inactive => Inactive,
        ServiceStatus.Defunct => Defunct,
        ServiceStatus.TemporarilyClosed => TemporarilyClosed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? value, out ServiceStatus status)
    {
        switch (value)
        {
            case Active: status = ServiceStatus.Active; return true;
            case Inactive: status = ServiceStatus.Inactive; return true;
            case Defunct: status = ServiceStatus.Defunct; return true;
            case TemporarilyClosed: status = ServiceStatus.TemporarilyClosed; return true;
            default: status = default; return false;
        }
    }
}
