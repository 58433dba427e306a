using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonEventCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EventCount",
                table: "Persons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Derived data (PersonEventCounts, which keeps it from here on): each person's distinct live events, read
            // from the (PersonId, EventId) index. Written out rather than shared, so that this migration stays as it is.
            migrationBuilder.Sql("""
                UPDATE "Persons" SET "EventCount" = (SELECT COUNT(DISTINCT p."EventId") FROM "Participations" p
                 WHERE p."PersonId" = "Persons"."Id" AND p."EventId" NOT IN (SELECT "Id" FROM "Events" WHERE "IsDeleted"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_EventCount_Name_Id",
                table: "Persons",
                columns: new[] { "EventCount", "Name", "Id" },
                descending: new[] { true, false, false },
                filter: "NOT \"IsDeleted\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_EventCount_Name_Id",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "EventCount",
                table: "Persons");
        }
    }
}
