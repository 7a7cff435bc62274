namespace Signpost.Data;

/// <summary>EF Core stores GUIDs in SQLite as upper-case text; raw SQL must compare in the same form.</summary>
public static class SqliteIds
{
    public static string ToText(Guid id) => id.ToString("D").ToUpperInvariant();
}
