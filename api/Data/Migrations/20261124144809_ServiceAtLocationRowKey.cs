using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceAtLocationRowKey : Migration
    {
        // SQLite cannot change a primary key in place, so the table is rebuilt. EF's own rebuild
        // switches foreign keys off with a PRAGMA, which SQLite ignores inside a transaction, so EF
        // runs such a migration outside one and an interrupted start could leave it half applied.
        // Nothing references service_at_locations and its rows stay valid children of services and
        // locations, so the rebuild is written out here and runs in the migration's transaction.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "extent_rings",
                table: "service_areas",
                type: "BLOB",
                nullable: true);

            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_service_at_locations" (
                    "row_id" INTEGER NOT NULL CONSTRAINT "PK_service_at_locations" PRIMARY KEY AUTOINCREMENT,
                    "description" TEXT NULL,
                    "id" TEXT NOT NULL,
                    "location_id" TEXT NOT NULL,
                    "service_id" TEXT NOT NULL,
                    CONSTRAINT "AK_service_at_locations_id" UNIQUE ("id"),
                    CONSTRAINT "FK_service_at_locations_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "locations" ("id") ON DELETE CASCADE,
                    CONSTRAINT "FK_service_at_locations_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
                );

                INSERT INTO "ef_temp_service_at_locations" ("description", "id", "location_id", "service_id")
                SELECT "description", "id", "location_id", "service_id"
                FROM "service_at_locations";

                DROP TABLE "service_at_locations";

                ALTER TABLE "ef_temp_service_at_locations" RENAME TO "service_at_locations";

                CREATE INDEX "IX_service_at_locations_location_id_service_id" ON "service_at_locations" ("location_id", "service_id");

                CREATE UNIQUE INDEX "IX_service_at_locations_service_id_location_id" ON "service_at_locations" ("service_id", "location_id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_service_at_locations" (
                    "id" TEXT NOT NULL CONSTRAINT "PK_service_at_locations" PRIMARY KEY,
                    "service_id" TEXT NOT NULL,
                    "location_id" TEXT NOT NULL,
                    "description" TEXT NULL,
                    CONSTRAINT "FK_service_at_locations_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "locations" ("id") ON DELETE CASCADE,
                    CONSTRAINT "FK_service_at_locations_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
                );

                INSERT INTO "ef_temp_service_at_locations" ("id", "service_id", "location_id", "description")
                SELECT "id", "service_id", "location_id", "description"
                FROM "service_at_locations";

                DROP TABLE "service_at_locations";

                ALTER TABLE "ef_temp_service_at_locations" RENAME TO "service_at_locations";

                CREATE INDEX "IX_service_at_locations_location_id_service_id" ON "service_at_locations" ("location_id", "service_id");

                CREATE UNIQUE INDEX "IX_service_at_locations_service_id_location_id" ON "service_at_locations" ("service_id", "location_id");

                ALTER TABLE "service_areas" DROP COLUMN "extent_rings";
                """);
        }
    }
}
