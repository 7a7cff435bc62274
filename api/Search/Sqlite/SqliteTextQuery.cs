using System.Globalization;
using System.Text;

namespace Signpost.Search.Sqlite;

/// <summary>
/// FTS5 match expressions over the text index (<see cref="SqliteSearchIndex.FullTextV2"/>): the
/// words in the text columns only, and optionally the grid cells of a box in the places column,
/// so FTS5 intersects the two itself.
/// </summary>
internal static class SqliteTextQuery
{
    /// <summary>Cell sizes in degrees by level, exactly as in the index's <c>VALUES</c> list.</summary>
    private static readonly double[] CellSizes = [0.02, 0.08, 0.32, 1.28];

    /// <summary>
    /// A box is covered at the finest level that needs at most this many cells: a 250 m circle takes
    /// 1 to 4 cells of 0.02°, a 25 km one about 12 of 0.32°. Wider boxes (a 200 km radius) are not
    /// narrowed by place: their cells would hold most of the matches anyway.
    /// </summary>
    private const int MaxCells = 30;

    /// <summary>Coordinates are stored to 1e-7°; the margin keeps a place on a box's edge inside its cells.</summary>
    private const double Margin = 1e-6;

    /// <summary>The words, in the name, organisation, category and description columns.</summary>
    public static string Words(FtsQuery text) => $"{{name organization categories description}} : ({text.MatchExpression})";

    /// <summary>The words, in services with a located place in the grid cells that cover the box.</summary>
    public static string WordsIn(FtsQuery text, BoundingBox box) =>
        Cells(box) is { } cells ? $"{Words(text)} AND {{places}} : ({cells})" : Words(text);

    private static string? Cells(BoundingBox box)
    {
        for (var level = 0; level < CellSizes.Length; level++)
        {
            var size = CellSizes[level];
            var (x0, x1) = ((long)Math.Floor((box.MinLongitude - Margin + 180) / size), (long)Math.Floor((box.MaxLongitude + Margin + 180) / size));
            var (y0, y1) = ((long)Math.Floor((box.MinLatitude - Margin + 90) / size), (long)Math.Floor((box.MaxLatitude + Margin + 90) / size));
            if ((x1 - x0 + 1) * (y1 - y0 + 1) > MaxCells)
            {
                continue;
            }

            var cells = new StringBuilder();
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    cells.Append(cells.Length == 0 ? "" : " OR ").Append(CultureInfo.InvariantCulture, $"p{level}x{x}y{y}");
                }
            }

            return cells.ToString();
        }

        return null;
    }
}
