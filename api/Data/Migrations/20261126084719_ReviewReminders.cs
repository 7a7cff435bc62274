using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "review_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    verified_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    threshold_months = table.Column<int>(type: "INTEGER", nullable: false),
                    final = table.Column<bool>(type: "INTEGER", nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_reminders", x => x.id);
                    table.ForeignKey(
                        name: "FK_review_reminders_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_reminders_service_id_verified_on_threshold_months",
                table: "review_reminders",
                columns: new[] { "service_id", "verified_on", "threshold_months" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_leases");

            migrationBuilder.DropTable(
                name: "review_reminders");
        }
    }
}
