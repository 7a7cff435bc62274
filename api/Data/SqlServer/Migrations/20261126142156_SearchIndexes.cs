using Microsoft.EntityFrameworkCore.Migrations;
using Signpost.Data.SqlServer;
using Signpost.Search.SqlServer;

#nullable disable

namespace Signpost.Data.SqlServer.Migrations
{
    /// <summary>
    /// SQL Server's search indexes (<see cref="SqlServerSearchIndex"/>): the locations' geography
    /// points with their spatial index, and the text table with its triggers, then its full-text
    /// index, which SQL Server builds only outside a transaction.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.SqlBatches(SqlServerSearchIndex.CreateV1);
            migrationBuilder.SqlBatches(SqlServerSearchIndex.FullTextV1, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.SqlBatches(SqlServerSearchIndex.DropFullTextV1, suppressTransaction: true);
            migrationBuilder.SqlBatches(SqlServerSearchIndex.DropV1);
        }
    }
}
