using System.Globalization;
using System.Text;

namespace Signpost.Search;

/// <summary>Service row ids as one JSON array parameter, which SQLite reads with json_each and SQL Server with OPENJSON.</summary>
public static class RowIds
{
    public static string Json(IEnumerable<long> rowIds)
    {
        var json = new StringBuilder("[");
        foreach (var rowId in rowIds)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append(rowId.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }
}
