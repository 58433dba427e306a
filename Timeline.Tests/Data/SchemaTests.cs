using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timeline.Domain.Data;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

public class SchemaTests
{
    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var db = new TestDatabase();
        using var ctx = db.NewContext();
        // Fails after an entity or configuration change until `dotnet ef migrations add` has been run (docs/migrations.md).
        Assert.False(ctx.Database.HasPendingModelChanges(), "The model has changes that no migration describes.");
    }

    [Fact]
    public void The_first_migration_builds_exactly_the_schema_the_old_sql_scripts_left_at_version_8()
    {
        using var scripts = new TestDatabase();
        File.Delete(scripts.FilePath);
        LegacyDatabase.Create(scripts.FilePath);
        using var baseline = new TestDatabase();
        File.Delete(baseline.FilePath);
        using (var c = new SqliteConnection(baseline.ConnectionString))
        using (var ctx = new TimelineDbContext(DatabaseSetup.MigrationOptions(c)))
            ctx.GetService<IMigrator>().Migrate(LegacySchema.BaselineMigrationId);

        using var a = scripts.OpenConnection();
        using var b = baseline.OpenConnection();
        // Everything but the two histories, the full-text and counts tables included.
        Assert.Equal(SchemaDescription.Of(a, SchemaDescription.HistoryTables), SchemaDescription.Of(b, SchemaDescription.HistoryTables));
        Assert.Equal(SchemaDescription.VirtualTables(a), SchemaDescription.VirtualTables(b));
    }

    [Fact]
    public void A_version_8_database_is_carried_over_to_ef_migrations_without_rebuilding_a_table()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        LegacyDatabase.CreateWithRows(db.FilePath);
        using var c = db.OpenConnection();
        var before = TableRoots(c);

        using (var ctx = new TimelineDbContext(DatabaseSetup.MigrationOptions(c)))
        {
            Assert.True(LegacySchema.CarryOver(ctx));
            Assert.Equal([LegacySchema.BaselineMigrationId], ctx.Database.GetAppliedMigrations());
            Assert.Equal(ctx.Database.GetMigrations().Skip(1), ctx.Database.GetPendingMigrations());
            Assert.False(LegacySchema.CarryOver(ctx)); // once only
        }

        // Same tables at the same pages: nothing was copied or rebuilt.
        Assert.Equal(before, TableRoots(c).Where(t => before.ContainsKey(t.Key)).ToDictionary());
        // An app from before the move reads this as a newer schema and refuses it instead of running its scripts.
        Assert.Equal(LegacySchema.CarriedOverVersion, Scalar(c, "SELECT MAX(\"Version\") FROM \"__SchemaVersions\""));
    }

    [Fact]
    public void A_curated_version_8_database_keeps_every_row_revision_and_account_through_start_up()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        LegacyDatabase.CreateWithRows(db.FilePath);
        var before = LegacyRows(db);

        DatabaseSetup.Migrate(db.ConnectionString);

        Assert.Equal(before, LegacyRows(db));
        using var ctx = db.NewContext();
        Assert.Equal("OGPU arrests Yakov Blumkin", ctx.Events.Single().Title);
        Assert.Equal(1929, ctx.Events.Single().Start.Year);
        Assert.Single(ctx.Events.IgnoreQueryFilters(), e => e.IsDeleted);
        Assert.Equal("editor@example.org", ctx.Users.Single().Email);
        Assert.Equal("Editor", ctx.Roles.Single(r => ctx.UserRoles.Any(ur => ur.RoleId == r.Id && ur.UserId == "u-1")).Name);
        Assert.Equal("event", ctx.Revisions.Single().EntityType);
        Assert.Equal(0, DatabaseSetup.Migrate(db.ConnectionString));
    }

    [Fact]
    public void An_older_script_database_is_refused_with_what_to_do()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        LegacyDatabase.Create(db.FilePath, upTo: 5);

        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.Migrate(db.ConnectionString));

        Assert.Contains("version 5", ex.Message, StringComparison.Ordinal);
        using var c = db.OpenConnection();
        Assert.Equal(0L, Scalar(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'"));
    }

    [Fact]
    public void Migrating_twice_applies_nothing_the_second_time()
    {
        using var db = new TestDatabase();
        Assert.Equal(0, DatabaseSetup.Migrate(db.ConnectionString));
        using var ctx = db.NewContext();
        Assert.Empty(ctx.Database.GetPendingMigrations());
    }

    [Fact]
    public void A_new_database_gets_every_migration()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        using var ctx = db.NewContext();
        Assert.Equal(ctx.Database.GetMigrations().Count(), DatabaseSetup.Migrate(db.ConnectionString));
    }

    [Fact]
    public void A_database_newer_than_the_app_is_refused_rather_than_damaged()
    {
        using var db = new TestDatabase();
        using (var c = db.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0');";
            cmd.ExecuteNonQuery();
        }
        var before = DatabaseSnapshot.Of(db);

        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.Migrate(db.ConnectionString));

        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Of(db));
    }

    [Fact]
    public void A_migration_transaction_that_breaks_a_foreign_key_is_rolled_back()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        using var ctx = new TimelineDbContext(DatabaseSetup.MigrationOptions(c));
        // As a table rebuild does: foreign keys off, then rows that point nowhere.
        ctx.Database.ExecuteSql($"PRAGMA foreign_keys = OFF;");
        using (var tx = ctx.Database.BeginTransaction())
        {
            ctx.Database.ExecuteSql($"INSERT INTO \"PersonNames\" (\"PersonId\", \"Name\", \"Folded\", \"IsPrimary\") VALUES (4242, 'Nobody', 'nobody', 1);");
            var ex = Assert.Throws<InvalidOperationException>(() => tx.Commit());
            Assert.Contains("PersonNames", ex.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0L, Scalar(c, "SELECT COUNT(*) FROM \"PersonNames\""));
    }

    [Fact]
    public void The_database_runs_in_wal_mode()
    {
        using var db = new TestDatabase();
        using var c = db.OpenConnection();
        Assert.Equal("wal", (string)Scalar<string>(c, "PRAGMA journal_mode;"));
    }

    private static Dictionary<string, long> TableRoots(SqliteConnection c) =>
        DatabaseSnapshot.Query(c, "SELECT name, rootpage FROM sqlite_master WHERE type = 'table' AND rootpage > 0", r => (r.GetString(0), r.GetInt64(1)))
            .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Every row of every table of the old schema, read through the old columns only (later migrations may add columns).</summary>
    private static Dictionary<string, string> LegacyRows(TestDatabase db)
    {
        using var c = db.OpenConnection();
        var tables = DatabaseSnapshot.Query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'", r => r.GetString(0));
        var legacyColumns = new Dictionary<string, string>();
        using (var scripts = new TestDatabase())
        {
            File.Delete(scripts.FilePath);
            LegacyDatabase.Create(scripts.FilePath);
            using var s = scripts.OpenConnection();
            foreach (var t in tables)
                legacyColumns[t] = string.Join(", ", DatabaseSnapshot.Query(s, $"SELECT name FROM pragma_table_info('{t}')", r => "\"" + r.GetString(0) + "\""));
        }
        return tables.Where(t => legacyColumns[t].Length > 0).ToDictionary(t => t, t =>
            string.Join("\n", DatabaseSnapshot.Query(c, $"SELECT {legacyColumns[t]} FROM \"{t}\"", DatabaseSnapshot.Row).Order(StringComparer.Ordinal)));
    }

    private static long Scalar(SqliteConnection c, string sql) => Convert.ToInt64(Scalar<object>(c, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static T Scalar<T>(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }
}
