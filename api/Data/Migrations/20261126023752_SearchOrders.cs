using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_services_status",
                table: "services",
                column: "status");

            migrationBuilder.Sql(Signpost.Search.Sqlite.SqliteSearchIndex.NameOrderV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Signpost.Search.Sqlite.SqliteSearchIndex.DropNameOrderV1);

            migrationBuilder.DropIndex(
                name: "IX_services_status",
                table: "services");
        }
    }
}
