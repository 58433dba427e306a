using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Derived data, not in the EF model (like PersonMonthCounts): each person's distinct live events with the
            // columns a person's window or page tests, kept by PersonEventCounts from here on. Without a rowid, the key is
            // the table: a person's events in a date range are one range read, never a row of Events (a common surname's
            // ~6,000 events: 6 ms here against 30-60 ms fetched from Events, at a million events). Filled here, written
            // out rather than shared, so that this migration stays as it is (1,977,398 rows at a million: 25 s, loaded).
            migrationBuilder.Sql("""
                CREATE TABLE "PersonEvents" (
                    "PersonId" INTEGER NOT NULL,
                    "SortDay" INTEGER NOT NULL,
                    "EventId" INTEGER NOT NULL,
                    "SpanClass" INTEGER NOT NULL,
                    "EarliestDay" INTEGER NOT NULL,
                    "LatestDay" INTEGER NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "ClaimStatus" TEXT NOT NULL,
                    PRIMARY KEY ("PersonId", "SortDay", "EventId")
                ) WITHOUT ROWID;
                INSERT INTO "PersonEvents" ("PersonId", "SortDay", "EventId", "SpanClass", "EarliestDay", "LatestDay", "Kind", "ClaimStatus")
                SELECT DISTINCT p."PersonId", e."SortDay", e."Id", e."SpanClass", e."EarliestDay", e."LatestDay", e."Kind", e."ClaimStatus"
                  FROM "Participations" p JOIN "Events" e ON e."Id" = p."EventId" WHERE NOT e."IsDeleted" ORDER BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "PersonEvents";""");
        }
    }
}
