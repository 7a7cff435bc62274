using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InitialDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    secret_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    submission_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false),
                    changes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "client_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    origins = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    read_budget_per_minute = table.Column<int>(type: "int", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_sources",
                columns: table => new
                {
                    name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    location = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    last_complete_pull_started_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_sources", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "moderator_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    disabled_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    organization_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    user_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "bit", nullable: false),
                    password_hash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    security_stamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    phone_number = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "bit", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "bit", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "bit", nullable: false),
                    access_failed_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    alternate_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    website = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    legal_status = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    uri = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    last_modified = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rate_limit_counters",
                columns: table => new
                {
                    partition = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    client_key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    bucket_start = table.Column<long>(type: "bigint", nullable: false),
                    count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_limit_counters", x => new { x.partition, x.client_key, x.bucket_start });
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    reference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    base_version = table.Column<int>(type: "int", nullable: true),
                    topic = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    submitter_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    submitter_email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    status_token_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    submitted_at = table.Column<long>(type: "bigint", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    decided_by = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    reason = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "taxonomies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    uri = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    version = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    imported_from = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "moderator_account_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    claim_type = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    claim_value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_account_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_moderator_account_claims_moderator_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "moderator_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderator_account_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    provider_key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    provider_display_name = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_account_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_moderator_account_logins_moderator_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "moderator_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderator_account_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    login_provider = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_account_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_moderator_account_tokens_moderator_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "moderator_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    organization_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    location_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    alternate_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    transportation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    latitude = table.Column<double>(type: "float", nullable: true),
                    longitude = table.Column<double>(type: "float", nullable: true),
                    external_identifier = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    organization_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    alternate_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    url = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    status = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    interpretation_services = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    application_process = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    fees_description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    eligibility_description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    minimum_age = table.Column<int>(type: "int", nullable: true),
                    maximum_age = table.Column<int>(type: "int", nullable: true),
                    alert = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    assured_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_modified = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.row_id);
                    table.UniqueConstraint("AK_services_id", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "taxonomy_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    parent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    taxonomy_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    language = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    term_uri = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    details = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    url = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    attention = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    address_1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    address_2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    state_province = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    address_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    organization_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    department = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    option = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    amount = table.Column<double>(type: "float", nullable: true),
                    amount_description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                name: "imported_services",
                columns: table => new
                {
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    source = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    first_imported_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "languages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                name: "review_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    verified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    threshold_months = table.Column<int>(type: "int", nullable: false),
                    final = table.Column<bool>(type: "bit", nullable: false),
                    recipient = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    state = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    dtstart = table.Column<DateOnly>(type: "date", nullable: true),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    freq = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    interval = table.Column<int>(type: "int", nullable: true),
                    byday = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    opens_at = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    closes_at = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    extent = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    extent_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    uri = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    min_latitude = table.Column<double>(type: "float", nullable: true),
                    max_latitude = table.Column<double>(type: "float", nullable: true),
                    min_longitude = table.Column<double>(type: "float", nullable: true),
                    max_longitude = table.Column<double>(type: "float", nullable: true),
                    extent_rings = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
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
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_locations", x => x.row_id);
                    table.UniqueConstraint("AK_service_at_locations_id", x => x.id);
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    link_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    link_entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    link_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    taxonomy_term_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    value = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    organization_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    service_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    location_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    contact_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    extension = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_phones_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_phones_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id");
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
                name: "IX_attributes_link_id_taxonomy_term_id",
                table: "attributes",
                columns: new[] { "link_id", "taxonomy_term_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attributes_taxonomy_term_id_link_id",
                table: "attributes",
                columns: new[] { "taxonomy_term_id", "link_id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_service_id_id",
                table: "audit_entries",
                columns: new[] { "service_id", "id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_cost_options_service_id_amount",
                table: "cost_options",
                columns: new[] { "service_id", "amount" });

            migrationBuilder.CreateIndex(
                name: "IX_imported_services_source",
                table: "imported_services",
                column: "source");

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
                name: "IX_locations_organization_id",
                table: "locations",
                column: "organization_id",
                filter: "\"organization_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_account_claims_user_id",
                table: "moderator_account_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_account_logins_user_id",
                table: "moderator_account_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_accounts_normalized_email",
                table: "moderator_accounts",
                column: "normalized_email",
                unique: true,
                filter: "[normalized_email] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_accounts_normalized_user_name",
                table: "moderator_accounts",
                column: "normalized_user_name",
                unique: true,
                filter: "[normalized_user_name] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_accounts_organization_id",
                table: "moderator_accounts",
                column: "organization_id");

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
                name: "IX_rate_limit_counters_partition_bucket_start",
                table: "rate_limit_counters",
                columns: new[] { "partition", "bucket_start" });

            migrationBuilder.CreateIndex(
                name: "IX_review_reminders_service_id_verified_on_threshold_months",
                table: "review_reminders",
                columns: new[] { "service_id", "verified_on", "threshold_months" },
                unique: true);

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
                name: "IX_services_status",
                table: "services",
                column: "status");

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

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_parent_id",
                table: "taxonomy_terms",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_terms_taxonomy_id_code",
                table: "taxonomy_terms",
                columns: new[] { "taxonomy_id", "code" },
                unique: true,
                filter: "[taxonomy_id] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accessibility");

            migrationBuilder.DropTable(
                name: "addresses");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "attributes");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "client_keys");

            migrationBuilder.DropTable(
                name: "cost_options");

            migrationBuilder.DropTable(
                name: "import_sources");

            migrationBuilder.DropTable(
                name: "imported_services");

            migrationBuilder.DropTable(
                name: "job_leases");

            migrationBuilder.DropTable(
                name: "languages");

            migrationBuilder.DropTable(
                name: "moderator_account_claims");

            migrationBuilder.DropTable(
                name: "moderator_account_logins");

            migrationBuilder.DropTable(
                name: "moderator_account_tokens");

            migrationBuilder.DropTable(
                name: "phones");

            migrationBuilder.DropTable(
                name: "rate_limit_counters");

            migrationBuilder.DropTable(
                name: "review_reminders");

            migrationBuilder.DropTable(
                name: "schedules");

            migrationBuilder.DropTable(
                name: "service_areas");

            migrationBuilder.DropTable(
                name: "service_at_locations");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "taxonomy_terms");

            migrationBuilder.DropTable(
                name: "moderator_accounts");

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
