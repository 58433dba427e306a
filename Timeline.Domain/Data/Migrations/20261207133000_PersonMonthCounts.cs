using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonMonthCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Derived data, not in the EF model (like EventDayCounts and EventMonthCounts): each person's distinct live
            // events per sort month and span class, kept by PersonEventCounts from here on. Without a rowid, the key is
            // the table, so a person's months are one range read with their counts. Filled here, written out rather than
            // shared, so that this migration stays as it is.
            migrationBuilder.Sql("""
                CREATE TABLE "PersonMonthCounts" (
                    "PersonId" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "SpanClass" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    PRIMARY KEY ("PersonId", "Month", "SpanClass")
                ) WITHOUT ROWID;
                INSERT INTO "PersonMonthCounts" ("PersonId", "Month", "SpanClass", "Count")
                SELECT p."PersonId", e."SortMonth", e."SpanClass", COUNT(DISTINCT e."Id") FROM "Participations" p
                  JOIN "Events" e ON e."Id" = p."EventId" WHERE NOT e."IsDeleted" GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "PersonMonthCounts";""");
        }
    }
}
