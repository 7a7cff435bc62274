using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexesOnOptionalOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_schedules_location_id",
                table: "schedules");

            migrationBuilder.DropIndex(
                name: "IX_schedules_service_id",
                table: "schedules");

            migrationBuilder.DropIndex(
                name: "IX_phones_contact_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_location_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_organization_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_service_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_locations_organization_id",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "IX_languages_location_id",
                table: "languages");

            migrationBuilder.DropIndex(
                name: "IX_languages_service_id",
                table: "languages");

            migrationBuilder.DropIndex(
                name: "IX_contacts_organization_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "IX_contacts_service_id",
                table: "contacts");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_location_id",
                table: "schedules",
                column: "location_id",
                filter: "\"location_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_service_id",
                table: "schedules",
                column: "service_id",
                filter: "\"service_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_phones_contact_id",
                table: "phones",
                column: "contact_id",
                filter: "\"contact_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_phones_location_id",
                table: "phones",
                column: "location_id",
                filter: "\"location_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_phones_organization_id",
                table: "phones",
                column: "organization_id",
                filter: "\"organization_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_phones_service_id",
                table: "phones",
                column: "service_id",
                filter: "\"service_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_locations_organization_id",
                table: "locations",
                column: "organization_id",
                filter: "\"organization_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_languages_location_id",
                table: "languages",
                column: "location_id",
                filter: "\"location_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_languages_service_id",
                table: "languages",
                column: "service_id",
                filter: "\"service_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id",
                table: "contacts",
                column: "organization_id",
                filter: "\"organization_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_service_id",
                table: "contacts",
                column: "service_id",
                filter: "\"service_id\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_schedules_location_id",
                table: "schedules");

            migrationBuilder.DropIndex(
                name: "IX_schedules_service_id",
                table: "schedules");

            migrationBuilder.DropIndex(
                name: "IX_phones_contact_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_location_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_organization_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_phones_service_id",
                table: "phones");

            migrationBuilder.DropIndex(
                name: "IX_locations_organization_id",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "IX_languages_location_id",
                table: "languages");

            migrationBuilder.DropIndex(
                name: "IX_languages_service_id",
                table: "languages");

            migrationBuilder.DropIndex(
                name: "IX_contacts_organization_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "IX_contacts_service_id",
                table: "contacts");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_location_id",
                table: "schedules",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_service_id",
                table: "schedules",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_phones_contact_id",
                table: "phones",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "IX_phones_location_id",
                table: "phones",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_phones_organization_id",
                table: "phones",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_phones_service_id",
                table: "phones",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_locations_organization_id",
                table: "locations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_languages_location_id",
                table: "languages",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_languages_service_id",
                table: "languages",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id",
                table: "contacts",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_service_id",
                table: "contacts",
                column: "service_id");
        }
    }
}
