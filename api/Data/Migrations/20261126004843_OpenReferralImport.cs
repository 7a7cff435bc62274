using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenReferralImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_taxonomy_terms_code",
                table: "taxonomy_terms");

            migrationBuilder.DropIndex(
                name: "IX_taxonomy_terms_taxonomy_id",
                table: "taxonomy_terms");

            migrationBuilder.AddColumn<string>(
                name: "imported_from",
                table: "taxonomies",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_sources",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    last_complete_pull_started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_sources", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "imported_services",
                columns: table => new
                {
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imported_services", x => x.service_id);
                    table.ForeignKey(
                        name: "FK_imported_services_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_taxonomy_id_code",
                table: "taxonomy_terms",
                columns: new[] { "taxonomy_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_imported_services_source",
                table: "imported_services",
                column: "source");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_sources");

            migrationBuilder.DropTable(
                name: "imported_services");

            migrationBuilder.DropIndex(
                name: "IX_taxonomy_terms_taxonomy_id_code",
                table: "taxonomy_terms");

            migrationBuilder.DropColumn(
                name: "imported_from",
                table: "taxonomies");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_code",
                table: "taxonomy_terms",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_taxonomy_id",
                table: "taxonomy_terms",
                column: "taxonomy_id");
        }
    }
}
