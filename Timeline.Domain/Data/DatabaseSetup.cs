using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Queries;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// The default store: timeline/timeline.db in the user's local application data folder (~/.local/share, or
    /// $XDG_DATA_HOME, on Linux; %LOCALAPPDATA% on Windows), created on first start. Every build and published copy
    /// run by the same user finds the same data (a file beside the app gave each build output folder an empty one of
    /// its own). An account without a home folder falls back to the app's folder. ConnectionStrings:Timeline overrides it.
    /// </summary>
    public static string DefaultConnectionString =>
        $"Data Source={Path.Combine(DefaultFolder, "timeline.db")}";

    private static string DefaultFolder =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } data
            ? Path.Combine(data, "timeline")
            : AppContext.BaseDirectory;

    /// <summary>Registers the context factory and the domain's query and command services.</summary>
    /// <param name="connectionString">Read when the factory is first built, so test hosts can override it late.</param>
    public static IServiceCollection AddTimelineDomain(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddDbContextFactory<TimelineDbContext>((sp, o) => o
            .UseSqlite(connectionString(sp))
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<EventQueries>();
        services.AddSingleton<CatalogQueries>();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Curation.EventCommands>();
        services.AddSingleton<Curation.PersonCommands>();
        services.AddSingleton<Curation.SourceCommands>();
        services.AddSingleton<Curation.RevisionQueries>();
        services.AddSingleton<DetailQueries>();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton<DatasetImporter>();
        services.AddSingleton<ImportCommands>();
        services.AddSingleton<DatasetExporter>();
        return services;
    }

    /// <summary>
    /// Creates the file if needed, switches it to WAL, carries a database from the SQL-script days over to EF
    /// migrations (<see cref="LegacySchema"/>) and applies the pending EF migrations; returns how many ran.
    /// A database with migrations this app does not know was written by a newer version and is refused untouched.
    /// </summary>
    public static int Migrate(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var wal = connection.CreateCommand())
        {
            // Readers never wait for the writer; the setting is stored in the file.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        int applied;
        using (var db = new TimelineDbContext(MigrationOptions(connection)))
        {
            LegacySchema.CarryOver(db);
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = db.Database.GetAppliedMigrations().Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database has schema changes newer than this app ({string.Join(", ", unknown)}); it was written by a newer " +
                    "version of Timeline. Update the app; the database was not changed.");
            var pending = db.Database.GetPendingMigrations().ToList();
            applied = pending.Count;
            // Rows saved under an earlier date-bounds rule are recomputed before the migration that brings the new rule
            // is recorded, so a crash in between only means recomputing again (a new database has no rows to fix).
            if (pending.Contains(StoredBounds.RuleChangedIn) && !pending.Contains(LegacySchema.BaselineMigrationId))
                StoredBounds.Recompute(connection);
            // The SortTitle migration fills its column with the title key's own code.
            Text.TitleSorting.Register(connection);
            db.Database.Migrate();
        }
        using (var optimize = connection.CreateCommand())
        {
            // SQLite's advice for a long-lived application: refresh the planner's statistics where they are
            // missing or stale, sampled so that it stays quick on a large file.
            optimize.CommandText = "PRAGMA analysis_limit = 2000; PRAGMA optimize = 0x10002;";
            optimize.ExecuteNonQuery();
        }
        return applied;
    }

    /// <summary>The context that migrates: on the caller's connection, refusing to commit a broken foreign key.</summary>
    internal static DbContextOptions<TimelineDbContext> MigrationOptions(SqliteConnection connection) =>
        new DbContextOptionsBuilder<TimelineDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(new ForeignKeyCheckBeforeCommit())
            .Options;

    /// <summary>
    /// EF's SQLite migrations rebuild a table with foreign keys switched off (they cannot change inside a
    /// transaction), so a rebuild could leave rows pointing nowhere. Every migration transaction is checked
    /// before it commits; a violation rolls it back and names the first offending table.
    /// </summary>
    internal sealed class ForeignKeyCheckBeforeCommit : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            Check(transaction);
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Check(transaction);
            return ValueTask.FromResult(result);
        }

        private static void Check(DbTransaction transaction)
        {
            using var cmd = transaction.Connection!.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1;";
            if (cmd.ExecuteScalar() is string table)
                throw new InvalidOperationException(
                    $"A migration would leave rows of {table} pointing at rows that do not exist; nothing was changed.");
        }
    }

    /// <summary>Per-connection settings that SQLite does not keep in the file.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var cmd = connection.CreateCommand();
            // WAL makes NORMAL durable against application crashes; busy_timeout lets writers queue briefly.
            cmd.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
            cmd.ExecuteNonQuery();
        }
    }
}
