using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LifeDatesNote",
                table: "Persons",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PersonNames",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DateNote",
                table: "Events",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefendantsNote",
                table: "Events",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnnamedDefendants",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonNameWords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonNameId = table.Column<int>(type: "INTEGER", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameWords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonNameWords_PersonNames_PersonNameId",
                        column: x => x.PersonNameId,
                        principalTable: "PersonNames",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The words of the names already stored (PersonNameList.WordsOf does the same for new ones), before the
            // indexes, which are then built once from all rows.
            migrationBuilder.Sql("""
                WITH RECURSIVE "Split"("NameId", "Word", "Rest") AS (
                    SELECT "Id", '', "Folded" || ' ' FROM "PersonNames"
                    UNION ALL
                    SELECT "NameId", substr("Rest", 1, instr("Rest", ' ') - 1), substr("Rest", instr("Rest", ' ') + 1)
                      FROM "Split" WHERE "Rest" <> ''
                )
                INSERT INTO "PersonNameWords" ("PersonNameId", "Word")
                SELECT DISTINCT "NameId", "Word" FROM "Split" WHERE "Word" <> '' ORDER BY "NameId";
                """);

            // Stored date bounds are recomputed when this migration is applied (DatabaseSetup, StoredBounds): the
            // month-end rule changed with it, and the bounds come from C# date logic that SQL cannot repeat.

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWords_PersonNameId",
                table: "PersonNameWords",
                column: "PersonNameId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameWords_Word_PersonNameId",
                table: "PersonNameWords",
                columns: new[] { "Word", "PersonNameId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonNameWords");

            migrationBuilder.DropColumn(
                name: "LifeDatesNote",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "PersonNames");

            migrationBuilder.DropColumn(
                name: "DateNote",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "DefendantsNote",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "UnnamedDefendants",
                table: "Events");
        }
    }
}
