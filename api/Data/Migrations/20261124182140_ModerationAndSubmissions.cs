using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModerationAndSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    base_version = table.Column<int>(type: "INTEGER", nullable: true),
                    topic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    submitter_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    submitter_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    status_token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_name",
                table: "api_keys",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_secret_hash",
                table: "api_keys",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_service_id_id",
                table: "audit_entries",
                columns: new[] { "service_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_reference",
                table: "submissions",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_service_id",
                table: "submissions",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_status_submitted_at",
                table: "submissions",
                columns: new[] { "status", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "services");
        }
    }
}
