using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public class SchemaTests
{
    [Fact]
    public void A_database_built_by_the_migrations_has_exactly_the_schema_of_the_ef_model()
    {
        using var migrated = new TestDatabase();
        using var modelDb = new TestDatabase();
        // The model's own DDL, on a fresh file with none of the migrations' objects.
        File.Delete(modelDb.FilePath);
        using (var ctx = modelDb.NewContext()) ctx.Database.EnsureCreated();

        using var a = migrated.OpenConnection();
        using var b = modelDb.OpenConnection();
        var fromMigrations = SchemaDescription.Of(a, SchemaDescription.MigrationOnlyObjects);
        var fromModel = SchemaDescription.Of(b, new HashSet<string>());

        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public void The_objects_only_migrations_create_exist_and_are_listed()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        var tables = SchemaDescription.Tables(c);
        foreach (var name in SchemaDescription.MigrationOnlyObjects.Where(n => !n.StartsWith("EventSearch_", StringComparison.Ordinal)))
            Assert.Contains(name, tables);
    }

    [Fact]
    public void Migrating_twice_applies_nothing_the_second_time()
    {
        using var db = new TestDatabase();
        Assert.Equal(0, DatabaseSetup.Migrate(db.ConnectionString));
        using var c = db.OpenConnection();
        Assert.Equal(SchemaMigrator.All.Count, SchemaMigrator.CurrentVersion(c));
    }

    [Fact]
    public void Later_migrations_reach_an_existing_database_without_losing_its_rows()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        using (var c = new SqliteConnection(db.ConnectionString))
        {
            SchemaMigrator.Migrate(c, SchemaMigrator.All.Take(1).ToList());
            using var insert = c.CreateCommand();
            insert.CommandText = """
                INSERT INTO "Sources" ("Key", "Title", "Kind", "Version", "IsDeleted") VALUES ('s1', 'A source', 'Book', 1, 0);
                INSERT INTO "Events" ("Key", "Kind", "Title", "Summary", "ClaimStatus", "Start", "EarliestDay", "LatestDay", "SortDay", "Version", "IsDeleted")
                VALUES ('e1', 'Arrest', 'An old event', '', 'Stated', '1929-10-15', 704000, 704000, 704000, 1, 0);
                """;
            insert.ExecuteNonQuery();
        }

        var applied = DatabaseSetup.Migrate(db.ConnectionString);

        Assert.Equal(SchemaMigrator.All.Count - 1, applied);
        using var ctx = db.NewContext();
        Assert.Equal("An old event", ctx.Events.Single().Title);
        Assert.Equal("A source", ctx.Sources.Single().Title);
    }

    [Fact]
    public void A_database_newer_than_the_app_is_refused_rather_than_damaged()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"INSERT INTO \"{SchemaMigrator.HistoryTable}\" VALUES (999, 'future', '2030-01-01');";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(c));
        Assert.Contains("newer than this app", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_runs_in_wal_mode()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }
}
