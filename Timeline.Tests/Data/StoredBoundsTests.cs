using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public class StoredBoundsTests
{
    private static int Day(int y, int m, int d) => new DateOnly(y, m, d).DayNumber;

    /// <summary>A database at the first migration, with events saved under the old bounds rule.</summary>
    private static TestDatabase OldDatabase()
    {
        var db = new TestDatabase();
        File.Delete(db.FilePath);
        using (var c = new SqliteConnection(db.ConnectionString))
        using (var ctx = new TimelineDbContext(DatabaseSetup.MigrationOptions(c)))
            ctx.GetService<IMigrator>().Migrate(LegacySchema.BaselineMigrationId);
        using var conn = db.OpenConnection();
        // As the old rule stored them: 1917-11~ ended on 30 Dec (the 30th of the month after), c. 1900 OS began
        // two Gregorian years before 14 Jan 1900, i.e. on 14 Jan 1898 instead of 13 Jan 1898 (1 Jan 1898 OS).
        Execute(conn, $"""
            INSERT INTO "Events" ("Id", "Kind", "Title", "Summary", "ClaimStatus", "Start", "EarliestDay", "LatestDay", "SortDay",
              "SortMonth", "SpanClass", "Version", "IsDeleted") VALUES
            (1, 'Other', 'Month', '', 'Stated', '1917-11~', {Day(1917, 10, 1)}, {Day(1917, 12, 30)}, {Day(1917, 11, 1)}, {1917 * 12 + 10}, 7, 1, 0),
            (2, 'Other', 'Julian year, deleted', '', 'Stated', 'julian:1900~', {Day(1898, 1, 14)}, {Day(1903, 1, 13)}, {Day(1900, 1, 13)}, {1900 * 12}, 11, 1, 1),
            (3, 'Other', 'Exact', '', 'Stated', '1929-10-15', {Day(1929, 10, 15)}, {Day(1929, 10, 15)}, {Day(1929, 10, 15)}, {1929 * 12 + 9}, 0, 1, 0);
            INSERT INTO "Persons" ("Id", "Name", "Version", "IsDeleted") VALUES (1, 'Gavriil Miasnikov', 1, 0);
            INSERT INTO "PersonNames" ("Id", "PersonId", "Name", "Folded", "IsPrimary") VALUES
            (1, 1, 'Gavriil Miasnikov', 'gavriil miasnikov', 1), (2, 1, 'G. I. Miasnikov', 'g i miasnikov', 0);
            """);
        return db;
    }

    [Fact]
    public void Migrating_a_database_from_before_the_month_end_rule_recomputes_its_stored_bounds()
    {
        using var db = OldDatabase();

        DatabaseSetup.Migrate(db.ConnectionString);

        using var c = db.OpenConnection();
        Assert.Equal(HistoricalDate.ParseEdtf("1917-11~").Latest.DayNumber, Scalar(c, "SELECT \"LatestDay\" FROM \"Events\" WHERE \"Id\" = 1"));
        Assert.Equal(Day(1917, 12, 31), Scalar(c, "SELECT \"LatestDay\" FROM \"Events\" WHERE \"Id\" = 1"));
        Assert.Equal(Day(1898, 1, 13), Scalar(c, "SELECT \"EarliestDay\" FROM \"Events\" WHERE \"Id\" = 2"));
        Assert.Equal(Day(1929, 10, 15), Scalar(c, "SELECT \"LatestDay\" FROM \"Events\" WHERE \"Id\" = 3"));
    }

    [Fact]
    public void The_recompute_runs_once_with_the_migration_not_at_every_start()
    {
        using var db = OldDatabase();
        DatabaseSetup.Migrate(db.ConnectionString);
        using var c = db.OpenConnection();
        Execute(c, $"UPDATE \"Events\" SET \"LatestDay\" = {Day(1917, 12, 30)} WHERE \"Id\" = 1;");

        Assert.Equal(0, DatabaseSetup.Migrate(db.ConnectionString));

        Assert.Equal(Day(1917, 12, 30), Scalar(c, "SELECT \"LatestDay\" FROM \"Events\" WHERE \"Id\" = 1"));
        // Run by hand, it repairs whatever differs from the current rule.
        Assert.Equal(1, StoredBounds.Recompute(c));
        Assert.Equal(Day(1917, 12, 31), Scalar(c, "SELECT \"LatestDay\" FROM \"Events\" WHERE \"Id\" = 1"));
    }

    [Fact]
    public void Names_stored_before_the_words_table_get_their_words_when_migrated()
    {
        using var db = OldDatabase();

        DatabaseSetup.Migrate(db.ConnectionString);

        using var ctx = db.NewContext();
        var words = ctx.PersonNameWords.AsNoTracking().OrderBy(w => w.PersonNameId).ThenBy(w => w.Word)
            .Select(w => w.PersonNameId + ":" + w.Word).ToList();
        Assert.Equal(["1:gavriil", "1:miasnikov", "2:g", "2:i", "2:miasnikov"], words);
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
