using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timeline.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The words of the full-text index, for expanding a typed prefix to whole words (Search/TextSearch.cs):
            // FTS5's own vocabulary (fts5vocab) reads every match of each word it lists, 40-300 ms for a word in every
            // one of a million events. Derived data, kept by Search/SearchIndex.cs on every write to the index; a
            // superset (words of events since changed or deleted stay, and match nothing). Filled here from the
            // index's vocabulary, once.
            migrationBuilder.Sql("""
                CREATE TABLE "EventSearchTerms" ("Term" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE temp."EventSearchTermsSource" USING fts5vocab(main, 'EventSearch', 'row');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "EventSearchTerms" ("Term") SELECT "term" FROM temp."EventSearchTermsSource";
                """);
            migrationBuilder.Sql("""
                DROP TABLE temp."EventSearchTermsSource";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"EventSearchTerms\";");
        }
    }
}
