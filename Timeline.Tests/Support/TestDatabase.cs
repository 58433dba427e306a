using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Domain.Data;
using Timeline.Domain.Seeding;

namespace Timeline.Tests.Support;

/// <summary>A real SQLite file in a temporary folder, migrated like the app's, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly Lazy<string> SeededTemplate = new(BuildSeededTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public TestDatabase(bool seeded = false)
    {
        Folder = Path.Combine(Path.GetTempPath(), "timeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "timeline.db");
        if (seeded) File.Copy(SeededTemplate.Value, FilePath);
        else DatabaseSetup.Migrate(ConnectionString);
        Services = CreateServices(ConnectionString);
        Factory = Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
    }

    /// <summary>The domain services wired exactly as the app wires them, on this database.</summary>
    public ServiceProvider Services { get; }

    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
    public IDbContextFactory<TimelineDbContext> Factory { get; }

    public TimelineDbContext NewContext() => Factory.CreateDbContext();

    public SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(ConnectionString);
        c.Open();
        return c;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private static ServiceProvider CreateServices(string connectionString) =>
        new ServiceCollection().AddLogging().AddTimelineDomain(_ => connectionString).BuildServiceProvider();

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>The repository's seed, loaded once per test run into a file that each seeded test copies.</summary>
    private static string BuildSeededTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "timeline-tests", "seeded-" + Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        DatabaseSetup.Migrate(cs);
        using (var services = CreateServices(cs))
            services.GetRequiredService<SeedLoader>().LoadIfEmptyAsync(Repo.SeedFolder).GetAwaiter().GetResult();
        using (var c = new SqliteConnection(cs))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // Fold the WAL into the main file so a plain copy carries everything.
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        return path;
    }
}
