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

    /// <summary>Creates the file if needed, switches it to WAL and applies pending migrations.</summary>
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
        var applied = SchemaMigrator.Migrate(connection);
        using (var optimize = connection.CreateCommand())
        {
            // SQLite's advice for a long-lived application: refresh the planner's statistics where they are
            // missing or stale, sampled so that it stays quick on a large file.
            optimize.CommandText = "PRAGMA analysis_limit = 2000; PRAGMA optimize = 0x10002;";
            optimize.ExecuteNonQuery();
        }
        return applied;
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
