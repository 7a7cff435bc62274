using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClientKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "client_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    origins = table.Column<string>(type: "TEXT", nullable: false),
                    read_budget_per_minute = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_client_keys_key",
                table: "client_keys",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_client_keys_name",
                table: "client_keys",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_keys");
        }
    }
}
