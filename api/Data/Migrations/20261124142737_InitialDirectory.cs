using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    alternate_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    website = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    legal_status = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    uri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    last_modified = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "taxonomies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    uri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    location_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    alternate_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    transportation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    external_identifier = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.row_id);
                    table.UniqueConstraint("AK_locations_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_locations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    alternate_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    interpretation_services = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    application_process = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    fees_description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    eligibility_description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    minimum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    maximum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    alert = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    assured_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_modified = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.row_id);
                    table.UniqueConstraint("AK_services_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "taxonomy_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    taxonomy_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    term_uri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomy_terms", x => x.id);
                    table.ForeignKey(
                        name: "FK_taxonomy_terms_taxonomies_taxonomy_id",
                        column: x => x.taxonomy_id,
                        principalTable: "taxonomies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_taxonomy_terms_taxonomy_terms_parent_id",
                        column: x => x.parent_id,
                        principalTable: "taxonomy_terms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accessibility",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    details = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accessibility", x => x.id);
                    table.ForeignKey(
                        name: "FK_accessibility_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attention = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    address_1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address_2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    state_province = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    address_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_addresses", x => x.id);
                    table.ForeignKey(
                        name: "FK_addresses_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_contacts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_contacts_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cost_options",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    option = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    amount = table.Column<double>(type: "REAL", nullable: true),
                    amount_description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_options", x => x.id);
                    table.ForeignKey(
                        name: "FK_cost_options_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "languages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_languages", x => x.id);
                    table.ForeignKey(
                        name: "FK_languages_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    dtstart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    freq = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    interval = table.Column<int>(type: "INTEGER", nullable: true),
                    byday = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    opens_at = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    closes_at = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedules", x => x.id);
                    table.ForeignKey(
                        name: "FK_schedules_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_areas",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    extent = table.Column<string>(type: "TEXT", nullable: true),
                    extent_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    min_latitude = table.Column<double>(type: "REAL", nullable: true),
                    max_latitude = table.Column<double>(type: "REAL", nullable: true),
                    min_longitude = table.Column<double>(type: "REAL", nullable: true),
                    max_longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_areas", x => x.row_id);
                    table.UniqueConstraint("AK_service_areas_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_service_areas_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_at_locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_locations", x => x.id);
                    table.ForeignKey(
                        name: "FK_service_at_locations_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_service_at_locations_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attributes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    link_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    link_entity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    link_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    taxonomy_term_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attributes", x => x.id);
                    table.ForeignKey(
                        name: "FK_attributes_taxonomy_terms_taxonomy_term_id",
                        column: x => x.taxonomy_term_id,
                        principalTable: "taxonomy_terms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    service_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    location_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    contact_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    extension = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phones", x => x.id);
                    table.ForeignKey(
                        name: "FK_phones_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_phones_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_phones_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_phones_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accessibility_location_id",
                table: "accessibility",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_addresses_location_id",
                table: "addresses",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_attributes_link_id_taxonomy_term_id",
                table: "attributes",
                columns: new[] { "link_id", "taxonomy_term_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attributes_taxonomy_term_id_link_id",
                table: "attributes",
                columns: new[] { "taxonomy_term_id", "link_id" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_organization_id",
                table: "contacts",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_service_id",
                table: "contacts",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_cost_options_service_id_amount",
                table: "cost_options",
                columns: new[] { "service_id", "amount" });

            migrationBuilder.CreateIndex(
                name: "IX_languages_location_id",
                table: "languages",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_languages_service_id",
                table: "languages",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_locations_organization_id",
                table: "locations",
                column: "organization_id");

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
                name: "IX_schedules_location_id",
                table: "schedules",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "IX_schedules_service_id",
                table: "schedules",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_service_areas_service_id",
                table: "service_areas",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_location_id_service_id",
                table: "service_at_locations",
                columns: new[] { "location_id", "service_id" });

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_service_id_location_id",
                table: "service_at_locations",
                columns: new[] { "service_id", "location_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_name",
                table: "services",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_services_organization_id",
                table: "services",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_code",
                table: "taxonomy_terms",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_parent_id",
                table: "taxonomy_terms",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_taxonomy_id",
                table: "taxonomy_terms",
                column: "taxonomy_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accessibility");

            migrationBuilder.DropTable(
                name: "addresses");

            migrationBuilder.DropTable(
                name: "attributes");

            migrationBuilder.DropTable(
                name: "cost_options");

            migrationBuilder.DropTable(
                name: "languages");

            migrationBuilder.DropTable(
                name: "phones");

            migrationBuilder.DropTable(
                name: "schedules");

            migrationBuilder.DropTable(
                name: "service_areas");

            migrationBuilder.DropTable(
                name: "service_at_locations");

            migrationBuilder.DropTable(
                name: "taxonomy_terms");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "taxonomies");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
