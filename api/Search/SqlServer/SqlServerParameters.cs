using System.Data;
using Microsoft.Data.SqlClient;

namespace Signpost.Search.SqlServer;

/// <summary>Typed parameters, each declared once per statement however many conditions use it.</summary>
public static class SqlServerParameters
{
    public static void Add(List<SqlParameter> parameters, string name, SqlDbType type, object? value, int size = 0)
    {
        if (parameters.Any(p => p.ParameterName == name))
        {
            return;
        }

        var parameter = new SqlParameter(name, type) { Value = value ?? DBNull.Value };
        if (size != 0)
        {
            parameter.Size = size;
        }

        parameters.Add(parameter);
    }

    /// <summary>Row ids as a JSON array, read in SQL with <c>OPENJSON(@x) WITH (row_id bigint '$')</c>.</summary>
    public static void AddRowIds(List<SqlParameter> parameters, string name, IEnumerable<long> rowIds) =>
        Add(parameters, name, SqlDbType.NVarChar, RowIds.Json(rowIds), -1);

    /// <summary>The row ids in a JSON array parameter, as a subquery.</summary>
    public static string RowIdsIn(string name) => $"SELECT j.row_id FROM OPENJSON({name}) WITH (row_id bigint '$') j";
}
