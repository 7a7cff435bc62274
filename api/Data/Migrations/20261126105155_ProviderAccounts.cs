using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Signpost.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "moderator_accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_moderator_accounts_organization_id",
                table: "moderator_accounts",
                column: "organization_id");

            migrationBuilder.AddForeignKey(
                name: "FK_moderator_accounts_organizations_organization_id",
                table: "moderator_accounts",
                column: "organization_id",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_moderator_accounts_organizations_organization_id",
                table: "moderator_accounts");

            migrationBuilder.DropIndex(
                name: "IX_moderator_accounts_organization_id",
                table: "moderator_accounts");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "moderator_accounts");
        }
    }
}
