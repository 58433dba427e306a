using Microsoft.EntityFrameworkCore.Migrations;
using Timeline.Domain.Text;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <summary>
    /// Titles are ordered by a sort key that skips leading quotes and punctuation and ignores case and accents
    /// (<see cref="TitleSorting"/>): the key column, filled for every event (deleted ones too: they can be restored),
    /// and the two title indexes moved onto it. The fill calls the key's C# code as a SQL function, which
    /// <c>DatabaseSetup.Migrate</c> registers on the connection it migrates (so the tool's <c>database update</c>
    /// cannot apply this one; the app does at start-up). Adding a column rebuilds no table.
    /// </summary>
    public partial class SortTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_Kind_Title_SortDay_Id_ClaimStatus_IsDeleted",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Title_SortDay_Id_IsDeleted",
                table: "Events");

            migrationBuilder.AddColumn<string>(
                name: "SortTitle",
                table: "Events",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Before the indexes, so that each is built once from the filled column.
            migrationBuilder.Sql($"UPDATE \"Events\" SET \"SortTitle\" = {TitleSorting.SqlFunction}(\"Title\");");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Kind_SortTitle_SortDay_Id_ClaimStatus_IsDeleted",
                table: "Events",
                columns: new[] { "Kind", "SortTitle", "SortDay", "Id", "ClaimStatus", "IsDeleted" },
                filter: "NOT \"IsDeleted\"");

            migrationBuilder.CreateIndex(
                name: "IX_Events_SortTitle_SortDay_Id_IsDeleted",
                table: "Events",
                columns: new[] { "SortTitle", "SortDay", "Id", "IsDeleted" },
                filter: "NOT \"IsDeleted\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_Kind_SortTitle_SortDay_Id_ClaimStatus_IsDeleted",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_SortTitle_SortDay_Id_IsDeleted",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "SortTitle",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Kind_Title_SortDay_Id_ClaimStatus_IsDeleted",
                table: "Events",
                columns: new[] { "Kind", "Title", "SortDay", "Id", "ClaimStatus", "IsDeleted" },
                filter: "NOT \"IsDeleted\"");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Title_SortDay_Id_IsDeleted",
                table: "Events",
                columns: new[] { "Title", "SortDay", "Id", "IsDeleted" },
                filter: "NOT \"IsDeleted\"");
        }
    }
}
