using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceAtLocationRowKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_service_at_locations",
                table: "service_at_locations");

            migrationBuilder.AddColumn<long>(
                name: "row_id",
                table: "service_at_locations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<byte[]>(
                name: "extent_rings",
                table: "service_areas",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_service_at_locations_id",
                table: "service_at_locations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_service_at_locations",
                table: "service_at_locations",
                column: "row_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropUniqueConstraint(
                name: "AK_service_at_locations_id",
                table: "service_at_locations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_service_at_locations",
                table: "service_at_locations");

            migrationBuilder.DropColumn(
                name: "row_id",
                table: "service_at_locations");

            migrationBuilder.DropColumn(
                name: "extent_rings",
                table: "service_areas");

            migrationBuilder.AddPrimaryKey(
                name: "PK_service_at_locations",
                table: "service_at_locations",
                column: "id");
        }
    }
}
