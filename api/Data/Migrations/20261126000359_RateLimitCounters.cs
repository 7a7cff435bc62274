using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class RateLimitCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rate_limit_counters",
                columns: table => new
                {
                    partition = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    client_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    bucket_start = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_limit_counters", x => new { x.partition, x.client_key, x.bucket_start });
                });

            migrationBuilder.CreateIndex(
                name: "IX_rate_limit_counters_partition_bucket_start",
                table: "rate_limit_counters",
                columns: new[] { "partition", "bucket_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_limit_counters");
        }
    }
}
